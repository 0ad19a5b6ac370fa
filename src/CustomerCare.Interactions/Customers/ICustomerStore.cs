using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Privacy;

namespace CustomerCare.Interactions.Customers;

/// <summary>The port that stores customers, their merges and their consent ledgers.</summary>
/// <remarks>
/// <para>Concurrency contract, which every implementation must keep and the conformance tests check:</para>
/// <list type="bullet">
/// <item><description>
/// Writes are optimistic: <see cref="CreateAsync"/> expects version 0 (the customer must not exist) and stores
/// version 1; <see cref="UpdateAsync"/> succeeds only when the stored version equals the expected one and stores
/// version + 1. Otherwise they throw <see cref="ConcurrencyConflictException"/> with both versions. Merges follow the
/// same rule through <see cref="SaveMergeAsync"/>.
/// </description></item>
/// <item><description>
/// Every contact point except a postal address belongs to at most one active customer (not merged, not erased). A
/// write that breaks this throws <see cref="ContactPointInUseException"/> and stores nothing, so two concurrent first
/// contacts from one address cannot create two customers.
/// </description></item>
/// <item><description>
/// <see cref="AppendConsentAsync"/> only appends, and ignores an entry equal to one already stored, so retries are safe.
/// </description></item>
/// <item><description>Reads see every completed write. Every member is safe to call from many threads.</description></item>
/// </list>
/// </remarks>
public interface ICustomerStore
{
    /// <summary>Stores a new customer.</summary>
    /// <param name="customer">The customer, with <see cref="Customer.Version"/> 0.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored customer with version 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is null.</exception>
    /// <exception cref="ArgumentException">The version is not 0, or the id is default.</exception>
    /// <exception cref="ConcurrencyConflictException">A customer with the same id exists.</exception>
    /// <exception cref="ContactPointInUseException">Another active customer has one of the contact points.</exception>
    ValueTask<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken = default);

    /// <summary>Writes a changed customer.</summary>
    /// <param name="customer">The changed snapshot.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored snapshot with version <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is null.</exception>
    /// <exception cref="ArgumentException">The write changes <see cref="Customer.CreatedAt"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>, or the customer does not exist.</exception>
    /// <exception cref="ContactPointInUseException">Another active customer has one of the contact points.</exception>
    ValueTask<Customer> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns the customer with <paramref name="id"/>, merged and erased ones included, or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored customer, or <see langword="null"/>.</returns>
    ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>Returns the active customer that has <paramref name="contactPoint"/>, compared by kind, scope and normalized value.</summary>
    /// <param name="contactPoint">The contact point.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <see langword="null"/>. For a postal address shared by several customers, the one created first.</returns>
    /// <exception cref="ArgumentException"><paramref name="contactPoint"/> is default.</exception>
    ValueTask<Customer?> FindByContactPointAsync(ContactPoint contactPoint, CancellationToken cancellationToken = default);

    /// <summary>Returns the active customers with a contact point of <paramref name="kind"/> whose <see cref="ContactPoint.LooseValue"/> is <paramref name="looseValue"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="looseValue">The folded value, such as a Gmail address without dots.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customers, oldest first; empty when none matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="looseValue"/> is null.</exception>
    ValueTask<IReadOnlyList<Customer>> FindByLooseValueAsync(ContactPointKind kind, string looseValue, CancellationToken cancellationToken = default);

    /// <summary>Stores a new merge record (expected version 0) or a change to one, such as its undo.</summary>
    /// <param name="merge">The merge record.</param>
    /// <param name="expectedVersion">0 for a new record, otherwise the version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record with version <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="merge"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<CustomerMerge> SaveMergeAsync(CustomerMerge merge, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns the merge record with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record, or <see langword="null"/>.</returns>
    ValueTask<CustomerMerge?> FindMergeAsync(CustomerMergeId id, CancellationToken cancellationToken = default);

    /// <summary>Returns the merge records in which <paramref name="customerId"/> survived or was merged, oldest first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records; empty when there are none.</returns>
    ValueTask<IReadOnlyList<CustomerMerge>> ListMergesAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Appends an entry to the customer's consent ledger; an entry equal to a stored one is ignored.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the entry was appended, <see langword="false"/> when it was already stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    ValueTask<bool> AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Returns the customer's consent ledger in the order the entries were appended.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries; empty when there are none.</returns>
    ValueTask<IReadOnlyList<ConsentEntry>> ListConsentAsync(CustomerId customerId, CancellationToken cancellationToken = default);
}
