using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CustomerCare.DueWork;

/// <summary>
/// The queue of due work that every host instance sweeps: SLA warnings and breaches, SOP timers, and outbox
/// messages. A port: storage adapters implement it, and <c>CustomerCare.Testing</c> has an in-memory implementation
/// and the conformance tests that every implementation must pass.
/// </summary>
/// <remarks>
/// <para>Concurrency contract, which holds across host instances that share one store:</para>
/// <list type="bullet">
/// <item><description>Keys are unique. Scheduling a key again updates a pending item and never adds a second one,
/// also when two callers schedule the same key at the same moment. A completed or cancelled key stays finished.</description></item>
/// <item><description>A lease is exclusive: while it lasts, no other caller of <see cref="LeaseAsync"/> receives the
/// item. A lease ends at its <see cref="LeasedWorkItem.LeasedUntil"/> instant, after which the item is due again, so the
/// work of a crashed worker returns to the others.</description></item>
/// <item><description><see cref="CompleteAsync"/> and <see cref="ReleaseAsync"/> succeed only for the current lease
/// (same owner and attempt); a worker whose lease ended and was taken over learns it from a <see langword="false"/>
/// result. Handlers must therefore be idempotent: an item is processed exactly once in effect, not in execution.</description></item>
/// <item><description>Every method takes "now" as a parameter from the caller's clock; implementations never read a
/// clock of their own, so tests on a fake clock stay exact.</description></item>
/// </list>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
[SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A leased work queue is the established name for this kind of store; it is not a collection type.")]
public interface IWorkQueue
{
    /// <summary>Adds an item, or updates the pending item with the same key.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was done; see <see cref="ScheduleOutcome"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    ValueTask<ScheduleOutcome> ScheduleAsync(WorkItem item, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending item with the key, so it is never leased and its key stays finished.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when a pending or leased item was cancelled; <see langword="false"/> when none was pending.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or white space.</exception>
    ValueTask<bool> CancelAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="maxItems"/> items that are due at <paramref name="now"/> and not leased, earliest first.</summary>
    /// <param name="now">The current instant from the caller's clock.</param>
    /// <param name="owner">The worker's name, unique per host instance, such as the machine name and process id.</param>
    /// <param name="leaseDuration">How long the worker may hold each item before others may take it.</param>
    /// <param name="maxItems">The maximum number of items, 1 or more.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The leased items ordered by due instant, then key; empty when nothing is due.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is null or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseDuration"/> is not positive, or <paramref name="maxItems"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<LeasedWorkItem>> LeaseAsync(
        Instant now,
        string owner,
        Duration leaseDuration,
        int maxItems,
        CancellationToken cancellationToken = default);

    /// <summary>Marks a leased item as done, so it is never leased again.</summary>
    /// <param name="lease">The lease from <see cref="LeaseAsync"/>.</param>
    /// <param name="now">The current instant from the caller's clock.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the lease was still current; <see langword="false"/> when it ended and another worker took the item or it was cancelled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lease"/> is null.</exception>
    ValueTask<bool> CompleteAsync(LeasedWorkItem lease, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Gives a leased item back, due again at <paramref name="retryAt"/>, for example after a failed attempt.</summary>
    /// <param name="lease">The lease from <see cref="LeaseAsync"/>.</param>
    /// <param name="retryAt">The instant the item is due again.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the lease was still current; <see langword="false"/> otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lease"/> is null.</exception>
    ValueTask<bool> ReleaseAsync(LeasedWorkItem lease, Instant retryAt, CancellationToken cancellationToken = default);

    /// <summary>Returns the earliest instant at which an item can be leased: its due instant, or its lease end if later.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instant, or <see langword="null"/> when no item is pending.</returns>
    ValueTask<Instant?> GetNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes finished items that were completed or cancelled before <paramref name="finishedBefore"/>.</summary>
    /// <param name="finishedBefore">Items finished earlier than this are deleted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of deleted items.</returns>
    /// <remarks>After a purge, a deleted key can be scheduled again, so keep finished items longer than any retry of the work that schedules them.</remarks>
    ValueTask<int> PurgeFinishedAsync(Instant finishedBefore, CancellationToken cancellationToken = default);
}
