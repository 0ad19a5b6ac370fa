using CustomerCare.Core;

namespace CustomerCare.Interactions.Concerns;

/// <summary>The port that stores concerns.</summary>
/// <remarks>
/// <para>Concurrency contract, which every implementation must keep and the conformance tests check:</para>
/// <list type="bullet">
/// <item><description>
/// <see cref="CreateAsync"/> assigns version 1 and a <see cref="Concern.Number"/> that is unique and increasing within
/// the store. It is idempotent on the idempotency key: a second call with the same key returns the first concern with
/// <see cref="ConcernCreation.AlreadyExisted"/> set, also when both run at the same time.
/// </description></item>
/// <item><description>
/// <see cref="UpdateAsync"/> is optimistic: it succeeds only when the stored version equals the expected version and
/// then stores version + 1; otherwise it throws <see cref="ConcurrencyConflictException"/> with both versions.
/// <see cref="Concern.Number"/> and <see cref="Concern.OpenedAt"/> never change.
/// </description></item>
/// <item><description>Reads see every completed write. Every member is safe to call from many threads.</description></item>
/// </list>
/// </remarks>
public interface IConcernStore
{
    /// <summary>Stores a new concern, or returns the one stored earlier under <paramref name="idempotencyKey"/>.</summary>
    /// <param name="concern">The concern, with <see cref="Concern.Version"/> and <see cref="Concern.Number"/> 0.</param>
    /// <param name="idempotencyKey">A key that identifies the cause, such as the channel and external id of the first interaction; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored concern and whether it existed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    /// <exception cref="ArgumentException">Version or number is not 0, an id is default, or the key is empty.</exception>
    /// <exception cref="ConcurrencyConflictException">A concern with the same id exists.</exception>
    ValueTask<ConcernCreation> CreateAsync(Concern concern, string? idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Returns the concern with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored concern, or <see langword="null"/>.</returns>
    ValueTask<Concern?> FindAsync(ConcernId id, CancellationToken cancellationToken = default);

    /// <summary>Returns the concern with <paramref name="number"/>, or <see langword="null"/>.</summary>
    /// <param name="number">The concern number, such as 10042.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored concern, or <see langword="null"/>.</returns>
    ValueTask<Concern?> FindByNumberAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the customer's open or resolved concern with <paramref name="reason"/> that had activity last, or
    /// <see langword="null"/>. Closed and merged concerns are not considered.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="reason">The contact reason, compared exactly.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The concern with the latest <see cref="Concern.LastActivityAt"/>, ties broken by the higher number.</returns>
    ValueTask<Concern?> FindActiveByReasonAsync(CustomerId customerId, ContactReason reason, CancellationToken cancellationToken = default);

    /// <summary>Returns every concern of a customer, by number.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The concerns; empty for an unknown customer.</returns>
    ValueTask<IReadOnlyList<Concern>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Writes a changed concern.</summary>
    /// <param name="concern">The changed snapshot.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored snapshot with version <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    /// <exception cref="ArgumentException">The write changes the number or opened-at.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>, or the concern does not exist.</exception>
    ValueTask<Concern> UpdateAsync(Concern concern, long expectedVersion, CancellationToken cancellationToken = default);
}
