using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>
/// Stores the routing queue: the entries of concerns from enqueue until completion.
/// </summary>
/// <remarks>
/// <para>
/// Concurrency contract: every entry has a version that starts at 1 and increases by one with each write. A write
/// states the version it read. <see cref="SaveAsync"/> with expected version 0 creates the entry and fails when one
/// exists; with any other expected version it fails unless the stored version is the same. A failed write throws
/// <see cref="ConcurrencyConflictException"/> with the expected and the actual version and changes nothing. Offering
/// a concern to an agent is such a write, so two router instances can never offer the same concern twice.
/// </para>
/// <para>
/// Idempotency: an entry is keyed by its concern, so enqueuing the same concern twice conflicts instead of queueing it
/// twice. <see cref="RemoveAsync"/> of an entry that is gone returns <see langword="false"/>.
/// </para>
/// <para>
/// Order and paging: <see cref="ListAsync"/> returns entries in concern-identifier order, after the cursor. An entry
/// that exists for the whole listing appears exactly once, even when entries are written between pages.
/// </para>
/// <para>Implementations must be thread-safe.</para>
/// </remarks>
public interface IRoutingQueueStore
{
    /// <summary>Returns the entry of a concern.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored entry, or <see langword="null"/> when the concern is not queued.</returns>
    ValueTask<QueueEntry?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an entry when the stored version is <paramref name="expectedVersion"/>.</summary>
    /// <param name="entry">The entry to store; its own <see cref="QueueEntry.Version"/> is ignored.</param>
    /// <param name="expectedVersion">The version read before the change, or 0 when the entry must not exist yet.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored entry with its new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<QueueEntry> SaveAsync(QueueEntry entry, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes an entry when the stored version is <paramref name="expectedVersion"/>.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="expectedVersion">The version read before the removal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the entry was removed, <see langword="false"/> when it did not exist.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is less than 1.</exception>
    /// <exception cref="ConcurrencyConflictException">The entry exists with another version.</exception>
    ValueTask<bool> RemoveAsync(ConcernId concernId, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of entries in concern-identifier order.</summary>
    /// <param name="query">The filters, the cursor and the page size.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page and the cursor for the next one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    ValueTask<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts entries.</summary>
    /// <param name="status">The status entries must have, or <see langword="null"/> for any.</param>
    /// <param name="ladder">The ladder entries must be on, or <see langword="null"/> for any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of matching entries.</returns>
    ValueTask<int> CountAsync(QueueEntryStatus? status = null, string? ladder = null, CancellationToken cancellationToken = default);
}
