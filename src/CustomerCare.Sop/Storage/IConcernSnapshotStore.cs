using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// Stores the procedure state of concerns, with their audit trail, their outbox of intents and their armed timers.
/// </summary>
/// <remarks>
/// <para>
/// <b>Concurrency.</b> Every concern has a version that starts at 1 and grows by one with each write.
/// <see cref="SaveAsync"/> states the version it replaces (0 for a new concern) and fails with
/// <see cref="ConcurrencyConflictException"/>, naming the expected and the stored version, when another write came
/// first. The snapshot, its audit entry and its intents are saved atomically: after a failed save none of them is
/// visible. Implementations must be safe to call from many threads and from several host instances at once.
/// </para>
/// <para>
/// <b>Idempotency.</b> An audit entry's idempotency key is unique per concern. A save whose key is already recorded for
/// the concern fails with <see cref="ConcurrencyConflictException"/>, as a unique index would, so a repeated request
/// can never be applied twice; <see cref="FindByIdempotencyKeyAsync"/> returns the entry the first request produced.
/// </para>
/// <para>
/// <b>Ordering.</b> Audit entries of a concern are listed by version. Pending intents are listed by creation time, then
/// concern, version and index; due timers by due time, then concern and timer name.
/// </para>
/// <para>
/// <b>Precision.</b> Stores keep instants to the microsecond, the precision of PostgreSQL's <c>timestamptz</c>, and
/// truncate finer parts towards the past. A snapshot read back can therefore differ from the saved one by less than a
/// microsecond in its instants.
/// </para>
/// </remarks>
public interface IConcernSnapshotStore
{
    /// <summary>Returns the stored snapshot of a concern.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the concern has no procedure state.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default.</exception>
    Task<ConcernSnapshot?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default);

    /// <summary>Saves a change atomically: the snapshot, its audit entry and its intents.</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write saves nothing.</param>
    /// <returns>A task that completes when the change is stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">
    /// The stored version is not <see cref="ConcernChange.ExpectedVersion"/> (the concern exists when 0 was expected,
    /// or does not exist when a version was expected), or the audit entry's idempotency key is already recorded.
    /// </exception>
    Task SaveAsync(ConcernChange change, CancellationToken cancellationToken = default);

    /// <summary>Returns the audit entry that a request with <paramref name="idempotencyKey"/> produced on a concern.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/> when no write carried the key.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default or <paramref name="idempotencyKey"/> is null or white space.</exception>
    Task<AuditEntry?> FindByIdempotencyKeyAsync(ConcernId concernId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Returns audit entries of a concern with a version greater than <paramref name="afterVersion"/>, oldest first.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="afterVersion">The last version already read; 0 to start at the beginning.</param>
    /// <param name="limit">The maximum number of entries, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> entries; fewer at the end, none for an unknown concern.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterVersion"/> is negative or <paramref name="limit"/> is outside 1 to 1000.</exception>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(ConcernId concernId, long afterVersion, int limit, CancellationToken cancellationToken = default);

    /// <summary>Returns intents that are not yet marked dispatched, in execution order.</summary>
    /// <param name="limit">The maximum number of intents, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> intents.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1000.</exception>
    Task<IReadOnlyList<OutboxIntent>> ListPendingIntentsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks intents as dispatched, so they are no longer listed; marking one twice or an unknown one is not an error.</summary>
    /// <param name="intents">The intents, identified by concern, version and index.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the marks are stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intents"/> is null.</exception>
    Task MarkIntentsDispatchedAsync(IEnumerable<OutboxIntent> intents, CancellationToken cancellationToken = default);

    /// <summary>Returns timers due at or before <paramref name="now"/> on the stored snapshots.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="limit">The maximum number of timers, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> timers, earliest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1000.</exception>
    Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(Instant now, int limit, CancellationToken cancellationToken = default);
}
