using CustomerCare.Core;
using CustomerCare.Sop;
using NodaTime;

namespace CustomerCare.Testing.Sop;

/// <summary>An <see cref="IConcernSnapshotStore"/> in memory, for tests and single-process hosts without a database.</summary>
/// <remarks>
/// Every operation holds one lock, so saves are atomic and the version check and the idempotency key check happen
/// together, as a database transaction would do them. Instants are truncated to whole microseconds, as the SQL stores
/// keep them (see <see cref="Precision"/>). It passes <see cref="ConcernSnapshotStoreConformanceTests"/>.
/// This type is thread-safe.
/// </remarks>
public sealed class InMemoryConcernSnapshotStore : IConcernSnapshotStore
{
    private const int MaxLimit = 1000;

    private readonly Lock _lock = new();
    private readonly Dictionary<ConcernId, Entry> _concerns = [];
    private readonly SortedSet<OutboxIntent> _pending = new(IntentOrder.Instance);
    private readonly Dictionary<(ConcernId, long, int), OutboxIntent> _pendingByKey = [];

    /// <summary>Gets the number of concerns stored.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _concerns.Count;
            }
        }
    }

    /// <inheritdoc/>
    public Task<ConcernSnapshot?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_concerns.TryGetValue(concernId, out var entry) ? entry.Snapshot : null);
        }
    }

    /// <inheritdoc/>
    public Task SaveAsync(ConcernChange change, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(change);
        cancellationToken.ThrowIfCancellationRequested();

        var id = change.Snapshot.Id;
        lock (_lock)
        {
            _concerns.TryGetValue(id, out var entry);
            var stored = entry?.Snapshot.Version;
            if ((stored ?? 0) != change.ExpectedVersion)
            {
                throw new ConcurrencyConflictException("Concern", id.ToString(), change.ExpectedVersion, stored);
            }

            var key = change.Audit.IdempotencyKey;
            if (key is not null && entry is not null && entry.Keys.ContainsKey(key))
            {
                throw new ConcurrencyConflictException("Concern", id.ToString(), change.ExpectedVersion, stored);
            }

            if (entry is null)
            {
                entry = new Entry();
                _concerns.Add(id, entry);
            }

            entry.Snapshot = ToMicroseconds(change.Snapshot);
            entry.Audit.Add(ToMicroseconds(change.Audit));
            if (key is not null)
            {
                entry.Keys.Add(key, entry.Audit.Count - 1);
            }

            foreach (var original in change.Intents)
            {
                var intent = ToMicroseconds(original);
                _pending.Add(intent);
                _pendingByKey.Add((intent.ConcernId, intent.Version, intent.Index), intent);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<AuditEntry?> FindByIdempotencyKeyAsync(ConcernId concernId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(
                _concerns.TryGetValue(concernId, out var entry) && entry.Keys.TryGetValue(idempotencyKey, out var index) ? entry.Audit[index] : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(ConcernId concernId, long afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        if (afterVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(afterVersion), afterVersion, "The version to read after must be 0 or greater.");
        }

        Guard.InRange(limit, 1, MaxLimit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<AuditEntry> page = _concerns.TryGetValue(concernId, out var entry)
                ? entry.Audit.Where(a => a.Version > afterVersion).Take(limit).ToArray()
                : [];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxIntent>> ListPendingIntentsAsync(int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<OutboxIntent> page = _pending.Take(limit).ToArray();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc/>
    public Task MarkIntentsDispatchedAsync(IEnumerable<OutboxIntent> intents, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(intents);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            foreach (var intent in intents)
            {
                if (_pendingByKey.Remove((intent.ConcernId, intent.Version, intent.Index), out var stored))
                {
                    _pending.Remove(stored);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(Instant now, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<DueTimer> due = _concerns.Values
                .SelectMany(e => e.Snapshot.Timers.Where(t => t.DueAt <= now).Select(t => new DueTimer(e.Snapshot.Id, t)))
                .OrderBy(d => d.Timer.DueAt)
                .ThenBy(d => d.ConcernId)
                .ThenBy(d => d.Timer.Name, StringComparer.Ordinal)
                .Take(limit)
                .ToArray();
            return Task.FromResult(due);
        }
    }

    private static bool IsWhole(Instant instant) => Precision.ToMicroseconds(instant) == instant;

    private static ConcernSnapshot ToMicroseconds(ConcernSnapshot snapshot)
    {
        if (IsWhole(snapshot.CreatedAt) && IsWhole(snapshot.StateEnteredAt) && IsWhole(snapshot.UpdatedAt)
            && snapshot.Steps.All(s => IsWhole(s.At)) && snapshot.Approvals.All(a => IsWhole(a.At)) && snapshot.Timers.All(t => IsWhole(t.DueAt)))
        {
            return snapshot;
        }

        return new ConcernSnapshot(
            snapshot.Id,
            snapshot.ConcernType,
            snapshot.ProcedureId,
            snapshot.ProcedureVersion,
            snapshot.State,
            snapshot.StateEntry,
            snapshot.Version,
            Precision.ToMicroseconds(snapshot.CreatedAt),
            Precision.ToMicroseconds(snapshot.StateEnteredAt),
            Precision.ToMicroseconds(snapshot.UpdatedAt),
            snapshot.Fields,
            snapshot.Steps.Select(s => new StepRecord(s.StepId, s.Status, s.Actor, Precision.ToMicroseconds(s.At))).ToArray(),
            snapshot.Approvals.Select(a => new ApprovalRecord(a.Gate, a.Decision, a.Approver, Precision.ToMicroseconds(a.At), a.Version)).ToArray(),
            snapshot.Timers.Select(t => new ArmedTimer(t.Name, t.Trigger, t.State, t.StateEntry, Precision.ToMicroseconds(t.DueAt))).ToArray());
    }

    private static AuditEntry ToMicroseconds(AuditEntry entry) =>
        IsWhole(entry.At)
            ? entry
            : new AuditEntry(
                entry.ConcernId, entry.Version, entry.Kind, Precision.ToMicroseconds(entry.At), entry.Actor, entry.ProcedureId, entry.ProcedureVersion,
                entry.FromState, entry.ToState, entry.Trigger, entry.Reason, entry.Arguments, entry.OverriddenSteps, entry.IdempotencyKey, entry.Detail);

    private static OutboxIntent ToMicroseconds(OutboxIntent intent) =>
        IsWhole(intent.CreatedAt)
            ? intent
            : new OutboxIntent(intent.ConcernId, intent.Version, intent.Index, intent.Kind, intent.Parameter, intent.State, intent.Phase, Precision.ToMicroseconds(intent.CreatedAt));

    private sealed class Entry
    {
        public ConcernSnapshot Snapshot { get; set; } = null!;

        public List<AuditEntry> Audit { get; } = [];

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Orders intents by creation time, then concern, version and index.</summary>
    private sealed class IntentOrder : IComparer<OutboxIntent>
    {
        public static IntentOrder Instance { get; } = new();

        public int Compare(OutboxIntent x, OutboxIntent y)
        {
            var order = x.CreatedAt.CompareTo(y.CreatedAt);
            order = order != 0 ? order : x.ConcernId.CompareTo(y.ConcernId);
            order = order != 0 ? order : x.Version.CompareTo(y.Version);
            return order != 0 ? order : x.Index.CompareTo(y.Index);
        }
    }
}
