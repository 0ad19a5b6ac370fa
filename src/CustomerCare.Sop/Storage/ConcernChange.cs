namespace CustomerCare.Sop;

/// <summary>
/// One write of a concern: the new snapshot, the version it replaces, its audit entry and its outbox intents, which
/// a store saves together or not at all.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ConcernChange
{
    /// <summary>Initializes a new change.</summary>
    /// <param name="snapshot">The new snapshot; its version must be <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The stored version this change replaces; 0 when the concern must not exist yet.</param>
    /// <param name="audit">The audit entry; its concern and version must match <paramref name="snapshot"/>.</param>
    /// <param name="intents">The outbox intents, in execution order; none when null. Each must carry the snapshot's concern and version.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="audit"/> is null.</exception>
    /// <exception cref="ArgumentException">The versions or concerns of the parts do not match.</exception>
    public ConcernChange(ConcernSnapshot snapshot, long expectedVersion, AuditEntry audit, IReadOnlyList<OutboxIntent>? intents = null)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(audit);
        if (snapshot.Version != expectedVersion + 1)
        {
            throw new ArgumentException(
                $"The snapshot has version {snapshot.Version}, but a change that expects version {expectedVersion} must write version {expectedVersion + 1}.",
                nameof(snapshot));
        }

        if (audit.ConcernId != snapshot.Id || audit.Version != snapshot.Version)
        {
            throw new ArgumentException(
                $"The audit entry is for {audit.ConcernId} v{audit.Version}, but the snapshot is {snapshot.Id} v{snapshot.Version}. Give the entry the snapshot's concern and version.",
                nameof(audit));
        }

        intents ??= [];
        for (var i = 0; i < intents.Count; i++)
        {
            if (intents[i].ConcernId != snapshot.Id || intents[i].Version != snapshot.Version || intents[i].Index != i)
            {
                throw new ArgumentException(
                    $"Intent {i} is {intents[i].ConcernId} v{intents[i].Version} index {intents[i].Index}, but must be {snapshot.Id} v{snapshot.Version} index {i}.",
                    nameof(intents));
            }
        }

        Snapshot = snapshot;
        ExpectedVersion = expectedVersion;
        Audit = audit;
        Intents = intents;
    }

    /// <summary>Gets the new snapshot.</summary>
    public ConcernSnapshot Snapshot { get; }

    /// <summary>Gets the stored version this change replaces; 0 when the concern must not exist yet.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the audit entry.</summary>
    public AuditEntry Audit { get; }

    /// <summary>Gets the outbox intents, in execution order.</summary>
    public IReadOnlyList<OutboxIntent> Intents { get; }
}
