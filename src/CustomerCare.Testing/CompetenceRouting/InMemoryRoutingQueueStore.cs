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

    // The entries of each status in identifier order. Finished entries stay in the store, so without this index
    // every count and page of waiting entries would scan every entry ever queued.
    private readonly Dictionary<QueueEntryStatus, SortedSet<ConcernId>> _byStatus = [];

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
            Unindex(current);
            _entries[entry.ConcernId] = stored;
            Index(stored);
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
            Unindex(current);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        lock (_lock)
        {
            var page = Matching(query.Status, query.Ladder, query.After)
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
            var count = status is { } only && ladder is null
                ? _byStatus.GetValueOrDefault(only)?.Count ?? 0
                : Matching(status, ladder, after: null).Count();
            return ValueTask.FromResult(count);
        }
    }

    private IEnumerable<QueueEntry> Matching(QueueEntryStatus? status, string? ladder, ConcernId? after)
    {
        IEnumerable<QueueEntry> source;
        if (status is { } only)
        {
            if (!_byStatus.TryGetValue(only, out var ids) || ids.Count == 0 || (after is { } last && last >= ids.Max))
            {
                return [];
            }

            var view = after is { } cursor ? ids.GetViewBetween(cursor, ids.Max).Where(id => id > cursor) : ids;
            source = view.Select(id => _entries[id]);
        }
        else
        {
            source = after is { } cursor ? _entries.Values.Where(e => e.ConcernId > cursor) : _entries.Values;
        }

        return ladder is null ? source : source.Where(e => e.Ladder == ladder);
    }

    private void Index(QueueEntry entry)
    {
        if (!_byStatus.TryGetValue(entry.Status, out var ids))
        {
            _byStatus[entry.Status] = ids = [];
        }

        ids.Add(entry.ConcernId);
    }

    private void Unindex(QueueEntry? entry)
    {
        if (entry is not null)
        {
            _byStatus[entry.Status].Remove(entry.ConcernId);
        }
    }
}
