using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Timeline;
using NodaTime;

namespace CustomerCare.Testing.Interactions;

/// <summary>An <see cref="IInteractionStore"/> in memory, for tests and single-instance hosts.</summary>
/// <remarks>
/// <para>
/// It keeps the contract of <see cref="IInteractionStore"/> with one lock: recording, updates and reads are
/// atomic. Each customer's timeline is a list sorted by <see cref="TimelineKey"/>, so a page is a binary search and a
/// short scan; recording in time order appends, and a back-dated import inserts at its place.
/// </para>
/// <para>Instants are truncated to whole microseconds, as on a database. This type is thread-safe.</para>
/// </remarks>
public sealed class InMemoryInteractionStore : IInteractionStore
{
    private static readonly Comparer<Interaction> ByTimelineKey = Comparer<Interaction>.Create((a, b) => a.TimelineKey.CompareTo(b.TimelineKey));

    private readonly Lock _lock = new();
    private readonly Dictionary<InteractionId, Interaction> _byId;
    private readonly Dictionary<(Channel Channel, string ExternalId), InteractionId> _byExternalId;
    private readonly Dictionary<CustomerId, List<Interaction>> _timelines = [];
    private readonly Dictionary<ConcernId, HashSet<InteractionId>> _byConcern = [];
    private long _sequence;

    /// <summary>Initializes an empty store.</summary>
    /// <param name="capacity">
    /// The number of interactions to reserve room for; 0 (the default) grows on demand. A bulk load of a known size
    /// avoids rehashing the indexes as they grow.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public InMemoryInteractionStore(int capacity = 0)
    {
        Guard.InRange(capacity, 0, int.MaxValue);
        _byId = new Dictionary<InteractionId, Interaction>(capacity);
        _byExternalId = new Dictionary<(Channel Channel, string ExternalId), InteractionId>(capacity);
    }

    /// <summary>Gets the number of stored interactions.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(interaction);
        if (interaction.Version != 0 || interaction.Sequence != 0)
        {
            throw new ArgumentException(
                $"Interaction {interaction.Id} has version {interaction.Version} and sequence {interaction.Sequence}; a new interaction must have 0 for both. Use UpdateAsync to change a stored one.",
                nameof(interaction));
        }

        interaction.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (interaction.ExternalId is { } externalId && _byExternalId.TryGetValue((interaction.Channel, externalId), out var existingId))
            {
                return ValueTask.FromResult(new RecordResult(_byId[existingId], WasDuplicate: true));
            }

            if (_byId.TryGetValue(interaction.Id, out var sameId))
            {
                throw new ConcurrencyConflictException("Interaction", interaction.Id.ToString(), 0, sameId.Version);
            }

            var stored = ToMicroseconds(interaction) with { Version = 1, Sequence = ++_sequence };
            _byId.Add(stored.Id, stored);
            if (stored.ExternalId is { } key)
            {
                _byExternalId.Add((stored.Channel, key), stored.Id);
            }

            InsertIntoTimeline(stored);
            AddToConcern(stored);
            return ValueTask.FromResult(new RecordResult(stored, WasDuplicate: false));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Interaction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Interaction?> FindByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(externalId);
        lock (_lock)
        {
            return ValueTask.FromResult(_byExternalId.TryGetValue((channel, externalId), out var id) ? _byId[id] : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Interaction> UpdateAsync(Interaction interaction, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(interaction);
        interaction.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        interaction = ToMicroseconds(interaction);

        lock (_lock)
        {
            if (!_byId.TryGetValue(interaction.Id, out var current) || current.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException("Interaction", interaction.Id.ToString(), expectedVersion, current?.Version);
            }

            if (interaction.Sequence != current.Sequence || interaction.OccurredAt != current.OccurredAt
                || interaction.RecordedAt != current.RecordedAt || interaction.Channel != current.Channel)
            {
                throw new ArgumentException(
                    $"Interaction {interaction.Id}: the sequence, occurred-at, recorded-at and channel never change after recording. Copy the stored snapshot with a 'with' expression.",
                    nameof(interaction));
            }

            if (interaction.ExternalId is { } newKey && !string.Equals(newKey, current.ExternalId, StringComparison.Ordinal)
                && _byExternalId.TryGetValue((interaction.Channel, newKey), out var owner) && owner != interaction.Id)
            {
                throw new ArgumentException($"Interaction {interaction.Id}: another interaction on this channel has the same external id.", nameof(interaction));
            }

            var stored = interaction with { Version = expectedVersion + 1 };
            RemoveFromIndexes(current);
            _byId[stored.Id] = stored;
            if (stored.ExternalId is { } key)
            {
                _byExternalId[(stored.Channel, key)] = stored.Id;
            }

            InsertIntoTimeline(stored);
            AddToConcern(stored);
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<TimelinePage> GetTimelineAsync(TimelineQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        var after = query.Validate();

        lock (_lock)
        {
            if (!_timelines.TryGetValue(query.CustomerId, out var timeline))
            {
                return ValueTask.FromResult(new TimelinePage([], null));
            }

            var items = new List<Interaction>(Math.Min(query.PageSize, timeline.Count));
            var more = query.Order == TimelineOrder.OldestFirst
                ? ReadForward(timeline, query, after, items)
                : ReadBackward(timeline, query, after, items);
            var token = more ? new TimelineCursor(items[^1].TimelineKey, query.Order).ToToken() : null;
            return ValueTask.FromResult(new TimelinePage(items, token));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Interaction>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Interaction> result = _timelines.TryGetValue(customerId, out var timeline) ? [.. timeline] : [];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Interaction>> ListByConcernAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Interaction> result = _byConcern.TryGetValue(concernId, out var ids)
                ? [.. ids.Select(id => _byId[id]).Order(ByTimelineKey)]
                : [];
            return ValueTask.FromResult(result);
        }
    }

    // Recording is the hot path, so an interaction already in whole microseconds is not copied.
    private static Interaction ToMicroseconds(Interaction interaction)
    {
        var occurredAt = Precision.ToMicroseconds(interaction.OccurredAt);
        var recordedAt = Precision.ToMicroseconds(interaction.RecordedAt);
        return occurredAt == interaction.OccurredAt && recordedAt == interaction.RecordedAt
            ? interaction
            : interaction with { OccurredAt = occurredAt, RecordedAt = recordedAt };
    }

    private static bool ReadForward(List<Interaction> timeline, TimelineQuery query, TimelineKey? after, List<Interaction> items)
    {
        var start = after is { } key ? UpperBound(timeline, key) : 0;
        if (query.From is { } from)
        {
            start = Math.Max(start, LowerBound(timeline, new TimelineKey(from, Instant.MinValue, long.MinValue)));
        }

        for (var i = start; i < timeline.Count; i++)
        {
            var interaction = timeline[i];
            if (query.To is { } to && interaction.OccurredAt >= to)
            {
                return false;
            }

            if (!query.Matches(interaction))
            {
                continue;
            }

            if (items.Count == query.PageSize)
            {
                return true;
            }

            items.Add(interaction);
        }

        return false;
    }

    private static bool ReadBackward(List<Interaction> timeline, TimelineQuery query, TimelineKey? before, List<Interaction> items)
    {
        var end = before is { } key ? LowerBound(timeline, key) : timeline.Count;
        if (query.To is { } to)
        {
            end = Math.Min(end, LowerBound(timeline, new TimelineKey(to, Instant.MinValue, long.MinValue)));
        }

        for (var i = end - 1; i >= 0; i--)
        {
            var interaction = timeline[i];
            if (query.From is { } from && interaction.OccurredAt < from)
            {
                return false;
            }

            if (!query.Matches(interaction))
            {
                continue;
            }

            if (items.Count == query.PageSize)
            {
                return true;
            }

            items.Add(interaction);
        }

        return false;
    }

    // The first index whose key is not less than the given key.
    private static int LowerBound(List<Interaction> timeline, TimelineKey key)
    {
        int low = 0, high = timeline.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (timeline[middle].TimelineKey.CompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // The first index whose key is greater than the given key.
    private static int UpperBound(List<Interaction> timeline, TimelineKey key)
    {
        int low = 0, high = timeline.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (timeline[middle].TimelineKey.CompareTo(key) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void InsertIntoTimeline(Interaction interaction)
    {
        if (!_timelines.TryGetValue(interaction.CustomerId, out var timeline))
        {
            timeline = [];
            _timelines.Add(interaction.CustomerId, timeline);
        }

        // Live recording arrives in time order, so the common case appends.
        if (timeline.Count == 0 || timeline[^1].TimelineKey.CompareTo(interaction.TimelineKey) < 0)
        {
            timeline.Add(interaction);
        }
        else
        {
            timeline.Insert(UpperBound(timeline, interaction.TimelineKey), interaction);
        }
    }

    private void AddToConcern(Interaction interaction)
    {
        if (interaction.ConcernId is not { } concernId)
        {
            return;
        }

        if (!_byConcern.TryGetValue(concernId, out var ids))
        {
            ids = [];
            _byConcern.Add(concernId, ids);
        }

        ids.Add(interaction.Id);
    }

    private void RemoveFromIndexes(Interaction current)
    {
        if (current.ExternalId is { } key)
        {
            _byExternalId.Remove((current.Channel, key));
        }

        var timeline = _timelines[current.CustomerId];
        var index = LowerBound(timeline, current.TimelineKey);
        Guard.Invariant(index < timeline.Count && timeline[index].Id == current.Id);
        timeline.RemoveAt(index);
        if (current.ConcernId is { } concernId)
        {
            _byConcern[concernId].Remove(current.Id);
        }
    }
}
