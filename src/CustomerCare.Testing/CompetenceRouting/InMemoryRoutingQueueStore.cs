using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;

namespace CustomerCare.Testing.CompetenceRouting;

/// <summary>An <see cref="IRoutingQueueStore"/> in memory, for tests and single-process hosts.</summary>
/// <remarks>
/// It keeps the port's concurrency contract: versions, one entry per concern, and paging in concern-identifier order.
/// Every operation runs under one lock, so this type is thread-safe, and it completes synchronously.
/// </remarks>
public sealed class InMemoryRoutingQueueStore : IRoutingQueueStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<ConcernId, QueueEntry> _entries = [];

    /// <summary>Gets the number of stored entries.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<QueueEntry?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault(concernId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<QueueEntry> SaveAsync(QueueEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Versions start at 0 (must not exist yet). Pass the version you read.");
        }

        lock (_lock)
        {
            var actual = _entries.TryGetValue(entry.ConcernId, out var current) ? current.Version : (long?)null;
            if ((actual ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException(nameof(QueueEntry), entry.ConcernId.ToString(), expectedVersion, actual);
            }

            var stored = entry with { Version = expectedVersion + 1 };
            _entries[entry.ConcernId] = stored;
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(ConcernId concernId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Stored entries have version 1 or more. Pass the version you read.");
        }

        lock (_lock)
        {
            if (!_entries.TryGetValue(concernId, out var current))
            {
                return ValueTask.FromResult(false);
            }

            if (current.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException(nameof(QueueEntry), concernId.ToString(), expectedVersion, current.Version);
            }

            _entries.Remove(concernId);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        lock (_lock)
        {
            var page = Matching(query.Status, query.Ladder)
                .Where(e => query.After is not { } cursor || e.ConcernId > cursor)
                .Take(query.Limit + 1)
                .ToList();
            var more = page.Count > query.Limit;
            if (more)
            {
                page.RemoveAt(query.Limit);
            }

            return ValueTask.FromResult(new QueuePage(page, more ? page[^1].ConcernId : null));
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> CountAsync(QueueEntryStatus? status = null, string? ladder = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(Matching(status, ladder).Count());
        }
    }

    private IEnumerable<QueueEntry> Matching(QueueEntryStatus? status, string? ladder) =>
        _entries.Values.Where(e => (status is not { } s || e.Status == s) && (ladder is null || e.Ladder == ladder));
}
