namespace CustomerCare.Sop;

/// <summary>
/// The result of an operation on a concern: applied (with the new snapshot, the audit entry and the outbox intents),
/// rejected (with the unmet guards, missing fields and open steps), a duplicate, or ignored.
/// </summary>
/// <remarks>
/// Business outcomes are results, never exceptions. Execute <see cref="Intents"/> only for an applied result: they
/// were stored with the snapshot, so a host that crashes before executing them finds them again with
/// <see cref="IConcernSnapshotStore.ListPendingIntentsAsync"/>. This type is immutable and thread-safe.
/// </remarks>
public sealed class ProcedureResult
{
    private ProcedureResult(
        ProcedureOutcome outcome,
        RejectionReasons reasons,
        ConcernSnapshot snapshot,
        AuditEntry? audit,
        IReadOnlyList<OutboxIntent> intents,
        IReadOnlyList<string> unmetGuards,
        IReadOnlyList<string> missingFields,
        IReadOnlyList<string> openMandatorySteps,
        IReadOnlyList<string> openAdvisorySteps)
    {
        Outcome = outcome;
        Reasons = reasons;
        Snapshot = snapshot;
        Audit = audit;
        Intents = intents;
        UnmetGuards = unmetGuards;
        MissingFields = missingFields;
        OpenMandatorySteps = openMandatorySteps;
        OpenAdvisorySteps = openAdvisorySteps;
    }

    /// <summary>Gets what the operation did.</summary>
    public ProcedureOutcome Outcome { get; }

    /// <summary>Gets a value indicating whether the change was stored.</summary>
    public bool IsApplied => Outcome == ProcedureOutcome.Applied;

    /// <summary>Gets why the operation was rejected or ignored; <see cref="RejectionReasons.None"/> otherwise.</summary>
    public RejectionReasons Reasons { get; }

    /// <summary>Gets the concern after an applied operation, or as stored otherwise.</summary>
    public ConcernSnapshot Snapshot { get; }

    /// <summary>Gets the audit entry of an applied operation, or of the first request for a duplicate; otherwise <see langword="null"/>.</summary>
    public AuditEntry? Audit { get; }

    /// <summary>Gets the intents an applied operation recorded, in execution order; otherwise empty.</summary>
    public IReadOnlyList<OutboxIntent> Intents { get; }

    /// <summary>Gets the names of the guards that did not hold, for a person to read.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>Gets the required fields without a value.</summary>
    public IReadOnlyList<string> MissingFields { get; }

    /// <summary>Gets the open mandatory checklist steps, which block the transition.</summary>
    public IReadOnlyList<string> OpenMandatorySteps { get; }

    /// <summary>Gets the open advisory checklist steps: warnings that block unless overridden; for an applied result, the ones that were overridden.</summary>
    public IReadOnlyList<string> OpenAdvisorySteps { get; }

    /// <summary>Gets the state before the operation: the audit entry's, or the stored state when nothing was applied.</summary>
    public string FromState => Audit?.FromState ?? Snapshot.State;

    /// <summary>Gets the state after the operation.</summary>
    public string ToState => Snapshot.State;

    /// <summary>Returns the outcome, the reasons and the state, such as <c>Rejected (MissingFields) in-progress</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => Reasons == RejectionReasons.None ? $"{Outcome} {FromState} → {ToState}" : $"{Outcome} ({Reasons}) {Snapshot.State}";

    internal static ProcedureResult Applied(ConcernSnapshot snapshot, AuditEntry audit, IReadOnlyList<OutboxIntent> intents, IReadOnlyList<string> overridden) =>
        new(ProcedureOutcome.Applied, RejectionReasons.None, snapshot, audit, intents, [], [], [], overridden);

    internal static ProcedureResult Duplicate(ConcernSnapshot snapshot, AuditEntry audit) =>
        new(ProcedureOutcome.Duplicate, RejectionReasons.None, snapshot, audit, [], [], [], [], []);

    internal static ProcedureResult Ignored(ConcernSnapshot snapshot, RejectionReasons reasons) =>
        new(ProcedureOutcome.Ignored, reasons, snapshot, null, [], [], [], [], []);

    internal static ProcedureResult Rejected(
        ConcernSnapshot snapshot,
        RejectionReasons reasons,
        IReadOnlyList<string>? unmetGuards = null,
        IReadOnlyList<string>? missingFields = null,
        IReadOnlyList<string>? openMandatorySteps = null,
        IReadOnlyList<string>? openAdvisorySteps = null) =>
        new(ProcedureOutcome.Rejected, reasons, snapshot, null, [], unmetGuards ?? [], missingFields ?? [], openMandatorySteps ?? [], openAdvisorySteps ?? []);
}
