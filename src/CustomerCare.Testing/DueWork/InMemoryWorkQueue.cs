using System.Diagnostics.CodeAnalysis;
using CustomerCare.DueWork;
using NodaTime;

namespace CustomerCare.Testing.DueWork;

/// <summary>
/// An <see cref="IWorkQueue"/> in memory, for tests and single-process hosts that need no durability.
/// </summary>
/// <remarks>
/// It keeps the contract of the real stores, including their microsecond precision: due instants and lease ends
/// are truncated to whole microseconds, as PostgreSQL's <c>timestamptz</c> stores them. Every method takes one lock,
/// so the queue is thread-safe; leasing walks the pending items in due order and skips the ones under lease.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Implements IWorkQueue, whose name it follows.")]
public sealed class InMemoryWorkQueue : IWorkQueue
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<Entry> _pending = new(PendingOrder.Instance);

    /// <summary>Gets the number of items that are not finished, leased ones included.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<ScheduleOutcome> ScheduleAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = new WorkItem(item.Key, item.Kind, Precision.ToMicroseconds(item.DueAt), item.Payload);

        lock (_lock)
        {
            if (!_entries.TryGetValue(stored.Key, out var entry))
            {
                entry = new Entry(stored);
                _entries.Add(stored.Key, entry);
                _pending.Add(entry);
                return ValueTask.FromResult(ScheduleOutcome.Added);
            }

            if (entry.FinishedAt is not null)
            {
                return ValueTask.FromResult(ScheduleOutcome.AlreadyFinished);
            }

            if (entry.Item == stored)
            {
                return ValueTask.FromResult(ScheduleOutcome.Unchanged);
            }

            _pending.Remove(entry);
            entry.Item = stored;
            _pending.Add(entry);
            return ValueTask.FromResult(ScheduleOutcome.Updated);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.FinishedAt is not null)
            {
                return ValueTask.FromResult(false);
            }

            Finish(entry, entry.LeasedUntil ?? entry.Item.DueAt);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<LeasedWorkItem>> LeaseAsync(
        Instant now,
        string owner,
        Duration leaseDuration,
        int maxItems,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(owner);
        Guard.Positive(leaseDuration);
        Guard.InRange(maxItems, 1, int.MaxValue);
        cancellationToken.ThrowIfCancellationRequested();
        now = Precision.ToMicroseconds(now);
        var leasedUntil = Precision.ToMicroseconds(now + leaseDuration);

        lock (_lock)
        {
            var leased = new List<LeasedWorkItem>();
            foreach (var entry in _pending)
            {
                if (entry.Item.DueAt > now || leased.Count == maxItems)
                {
                    break;
                }

                if (entry.LeasedUntil is { } until && until > now)
                {
                    continue;
                }

                entry.Owner = owner;
                entry.LeasedUntil = leasedUntil;
                entry.Attempts++;
                leased.Add(new LeasedWorkItem(entry.Item, owner, leasedUntil, entry.Attempts));
            }

            return ValueTask.FromResult<IReadOnlyList<LeasedWorkItem>>(leased);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> CompleteAsync(LeasedWorkItem lease, Instant now, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(lease);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (!IsCurrent(lease, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            Finish(entry, Precision.ToMicroseconds(now));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReleaseAsync(LeasedWorkItem lease, Instant retryAt, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(lease);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (!IsCurrent(lease, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            _pending.Remove(entry);
            entry.Item = new WorkItem(entry.Item.Key, entry.Item.Kind, Precision.ToMicroseconds(retryAt), entry.Item.Payload);
            entry.Owner = null;
            entry.LeasedUntil = null;
            _pending.Add(entry);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Instant?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            Instant? next = null;
            foreach (var entry in _pending)
            {
                // Pending items are in due order, so once an unleased item is seen nothing later can be earlier.
                var available = entry.LeasedUntil is { } until && until > entry.Item.DueAt ? until : entry.Item.DueAt;
                if (next is null || available < next)
                {
                    next = available;
                }

                if (entry.LeasedUntil is null)
                {
                    break;
                }
            }

            return ValueTask.FromResult(next);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> PurgeFinishedAsync(Instant finishedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            var finished = _entries.Values.Where(e => e.FinishedAt < finishedBefore).Select(e => e.Item.Key).ToList();
            foreach (var key in finished)
            {
                _entries.Remove(key);
            }

            return ValueTask.FromResult(finished.Count);
        }
    }

    private bool IsCurrent(LeasedWorkItem lease, out Entry entry)
    {
        return _entries.TryGetValue(lease.Item.Key, out entry!)
            && entry.FinishedAt is null
            && entry.Owner == lease.Owner
            && entry.Attempts == lease.Attempt;
    }

    private void Finish(Entry entry, Instant finishedAt)
    {
        _pending.Remove(entry);
        entry.FinishedAt = finishedAt;
        entry.Owner = null;
        entry.LeasedUntil = null;
    }

    private sealed class Entry(WorkItem item)
    {
        public WorkItem Item { get; set; } = item;

        public string? Owner { get; set; }

        public Instant? LeasedUntil { get; set; }

        public int Attempts { get; set; }

        public Instant? FinishedAt { get; set; }
    }

    private sealed class PendingOrder : IComparer<Entry>
    {
        public static readonly PendingOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byDue = x!.Item.DueAt.CompareTo(y!.Item.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(x.Item.Key, y.Item.Key);
        }
    }
}
