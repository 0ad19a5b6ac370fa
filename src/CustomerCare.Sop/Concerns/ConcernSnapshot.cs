using System.Collections.Immutable;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// A concern's procedure state as stored: the procedure and version it follows, its state, its fields, its
/// checklist progress, its approvals and its armed timers.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Version"/> is the store's optimistic version: 1 after the start, one more after every write.
/// <see cref="StateEntry"/> counts state changes only: it is 1 after the start and grows with every transition that
/// leaves or re-enters a state, but not with notes, internal transitions or checklist steps.
/// </para>
/// <para>
/// This is the procedure's view of a concern. The customer-facing concern record, with its interactions, belongs to
/// the host or the Interactions package and shares the <see cref="ConcernId"/>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ConcernSnapshot
{
    private static readonly ImmutableSortedDictionary<string, string> NoFields = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    private readonly StepRecord[] _steps;
    private readonly ApprovalRecord[] _approvals;
    private readonly ArmedTimer[] _timers;

    /// <summary>Initializes a new snapshot, for example when a store reads one back.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="concernType">The concern type, such as <c>incident</c>.</param>
    /// <param name="procedureId">The procedure the concern follows.</param>
    /// <param name="procedureVersion">The procedure version the concern follows, 1 or greater.</param>
    /// <param name="state">The current state.</param>
    /// <param name="stateEntry">The number of state changes since the start, 1 or greater.</param>
    /// <param name="version">The store version, 1 or greater.</param>
    /// <param name="createdAt">When the concern started its procedure.</param>
    /// <param name="stateEnteredAt">When the concern entered its current state.</param>
    /// <param name="updatedAt">When the concern was last written.</param>
    /// <param name="fields">The field values; none when null.</param>
    /// <param name="steps">The closed checklist steps; none when null.</param>
    /// <param name="approvals">The approval decisions, oldest first; none when null.</param>
    /// <param name="timers">The armed timers; none when null.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="concernId"/> is default, or <paramref name="concernType"/>, <paramref name="procedureId"/> or
    /// <paramref name="state"/> is null or white space, or a field has a null value.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="procedureVersion"/>, <paramref name="stateEntry"/> or <paramref name="version"/> is less than 1.</exception>
    public ConcernSnapshot(
        ConcernId concernId,
        string concernType,
        string procedureId,
        int procedureVersion,
        string state,
        long stateEntry,
        long version,
        Instant createdAt,
        Instant stateEnteredAt,
        Instant updatedAt,
        IReadOnlyDictionary<string, string>? fields = null,
        IReadOnlyList<StepRecord>? steps = null,
        IReadOnlyList<ApprovalRecord>? approvals = null,
        IReadOnlyList<ArmedTimer>? timers = null)
    {
        Id = Guard.NotDefault(concernId);
        ConcernType = Guard.NotNullOrWhiteSpace(concernType);
        ProcedureId = Guard.NotNullOrWhiteSpace(procedureId);
        ProcedureVersion = Guard.InRange(procedureVersion, 1, int.MaxValue);
        State = Guard.NotNullOrWhiteSpace(state);
        StateEntry = stateEntry >= 1 ? stateEntry : throw new ArgumentOutOfRangeException(nameof(stateEntry), stateEntry, "State entries start at 1.");
        Version = version >= 1 ? version : throw new ArgumentOutOfRangeException(nameof(version), version, "Versions start at 1.");
        CreatedAt = createdAt;
        StateEnteredAt = stateEnteredAt;
        UpdatedAt = updatedAt;
        FieldMap = ToFieldMap(fields);
        _steps = steps?.ToArray() ?? [];
        _approvals = approvals?.ToArray() ?? [];
        _timers = timers?.ToArray() ?? [];
    }

    private ConcernSnapshot(ConcernSnapshot source, ImmutableSortedDictionary<string, string> fields, StepRecord[] steps, ApprovalRecord[] approvals, ArmedTimer[] timers)
    {
        Id = source.Id;
        ConcernType = source.ConcernType;
        ProcedureId = source.ProcedureId;
        ProcedureVersion = source.ProcedureVersion;
        State = source.State;
        StateEntry = source.StateEntry;
        Version = source.Version;
        CreatedAt = source.CreatedAt;
        StateEnteredAt = source.StateEnteredAt;
        UpdatedAt = source.UpdatedAt;
        FieldMap = fields;
        _steps = steps;
        _approvals = approvals;
        _timers = timers;
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId Id { get; }

    /// <summary>Gets the concern type, such as <c>incident</c>.</summary>
    public string ConcernType { get; }

    /// <summary>Gets the procedure the concern follows.</summary>
    public string ProcedureId { get; private init; }

    /// <summary>Gets the procedure version the concern follows.</summary>
    public int ProcedureVersion { get; private init; }

    /// <summary>Gets the current state, always a state without substates.</summary>
    public string State { get; private init; }

    /// <summary>Gets the number of state changes since the start; 1 right after the start.</summary>
    public long StateEntry { get; private init; }

    /// <summary>Gets the store version: 1 after the start, one more after every write.</summary>
    public long Version { get; private init; }

    /// <summary>Gets when the concern started its procedure.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets when the concern entered its current state.</summary>
    public Instant StateEnteredAt { get; private init; }

    /// <summary>Gets when the concern was last written.</summary>
    public Instant UpdatedAt { get; private init; }

    /// <summary>Gets the field values, such as a resolution code, in ordinal order of their names.</summary>
    public IReadOnlyDictionary<string, string> Fields => FieldMap;

    /// <summary>Gets the closed checklist steps, in the order they were closed.</summary>
    public IReadOnlyList<StepRecord> Steps => _steps;

    /// <summary>Gets the approval decisions, oldest first.</summary>
    public IReadOnlyList<ApprovalRecord> Approvals => _approvals;

    /// <summary>Gets the armed timers.</summary>
    public IReadOnlyList<ArmedTimer> Timers => _timers;

    internal ImmutableSortedDictionary<string, string> FieldMap { get; }

    internal StepRecord[] StepArray => _steps;

    internal ApprovalRecord[] ApprovalArray => _approvals;

    internal ArmedTimer[] TimerArray => _timers;

    /// <summary>Returns whether the checklist step <paramref name="stepId"/> is completed or overridden.</summary>
    /// <param name="stepId">The step's identifier.</param>
    /// <returns><see langword="true"/> when the step is closed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stepId"/> is null.</exception>
    public bool IsStepClosed(string stepId)
    {
        Guard.NotNull(stepId);
        foreach (var step in _steps)
        {
            if (string.Equals(step.StepId, stepId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the concern, its state and version, without field values, which may hold personal data.</summary>
    /// <returns>A line such as <c>con_… in-progress v4 (itil-lifecycle v1)</c>.</returns>
    public override string ToString() => $"{Id} {State} v{Version} ({ProcedureId} v{ProcedureVersion})";

    internal static ConcernSnapshot Start(ConcernId id, string concernType, string procedureId, int procedureVersion, string state, Instant now, ImmutableSortedDictionary<string, string> fields, ArmedTimer[] timers) =>
        new(new ConcernSnapshot(id, concernType, procedureId, procedureVersion, state, 1, 1, now, now, now), fields, [], [], timers);

    internal ConcernSnapshot With(
        string state,
        long stateEntry,
        Instant stateEnteredAt,
        Instant now,
        ImmutableSortedDictionary<string, string> fields,
        StepRecord[] steps,
        ApprovalRecord[] approvals,
        ArmedTimer[] timers,
        string? procedureId = null,
        int? procedureVersion = null) =>
        new(this, fields, steps, approvals, timers)
        {
            State = state,
            StateEntry = stateEntry,
            StateEnteredAt = stateEnteredAt,
            UpdatedAt = now,
            Version = Version + 1,
            ProcedureId = procedureId ?? ProcedureId,
            ProcedureVersion = procedureVersion ?? ProcedureVersion,
        };

    private static ImmutableSortedDictionary<string, string> ToFieldMap(IReadOnlyDictionary<string, string>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            return NoFields;
        }

        if (fields is ImmutableSortedDictionary<string, string> sorted && sorted.KeyComparer == StringComparer.Ordinal)
        {
            return sorted;
        }

        var builder = NoFields.ToBuilder();
        foreach (var (name, value) in fields)
        {
            Guard.NotNullOrWhiteSpace(name, nameof(fields));
            builder[name] = Guard.NotNull(value, nameof(fields));
        }

        return builder.ToImmutable();
    }

    internal static ImmutableSortedDictionary<string, string> EmptyFields => NoFields;
}
