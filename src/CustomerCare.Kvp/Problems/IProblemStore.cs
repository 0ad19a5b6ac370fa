using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;

namespace CustomerCare.Kvp.Problems;

/// <summary>Stores problem records. The host implements it or takes it from a storage adapter.</summary>
/// <remarks>
/// <para>
/// Concurrency: optimistic versions. A stored record has a version that starts at 1 and increases by one with each
/// write. <see cref="SaveAsync"/> states the version it read: 0 means the record must not exist yet. A write with a
/// stale version throws <see cref="ConcurrencyConflictException"/> with the expected and the actual version, and stores
/// nothing. Saving a record with the stored version and content again is still a write and raises the version.
/// </para>
/// <para>Implementations must be thread-safe; several host instances may share one store.</para>
/// </remarks>
public interface IProblemStore
{
    /// <summary>Returns the stored record with the identifier, or null.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The record at its stored version, or null when none is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    Task<ProblemRecord?> FindAsync(ProblemId id, CancellationToken cancellationToken = default);

    /// <summary>Writes a record if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="problem">The record to write.</param>
    /// <param name="expectedVersion">The version read before the change; 0 when the record must not exist yet.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The record at its new version, <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs from <paramref name="expectedVersion"/>.</exception>
    Task<ProblemRecord> SaveAsync(ProblemRecord problem, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Lists records that match the query, oldest first, one page at a time.</summary>
    /// <param name="query">The filter and the page.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>One page, with a continuation token when more records match.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query's continuation token was not issued by this store.</exception>
    Task<StorePage<ProblemRecord>> ListAsync(ProblemQuery query, CancellationToken cancellationToken = default);
}
