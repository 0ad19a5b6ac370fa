using System.Collections.Immutable;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// One recorded change of a concern's procedure state: who, when, which trigger, from which state to which, the
/// reason and arguments, and the procedure and version that applied.
/// </summary>
/// <remarks>
/// Every write of a concern produces exactly one audit entry, whose <see cref="Version"/> is the concern version it
/// produced, so the entries of a concern are numbered 1, 2, 3 … without gaps. This type is immutable and thread-safe.
/// </remarks>
public sealed class AuditEntry
{
    private static readonly IReadOnlyDictionary<string, string> NoArguments = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Initializes a new entry, for example when a store reads one back.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="version">The concern version this entry produced, 1 or greater.</param>
    /// <param name="kind">What the entry records.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who.</param>
    /// <param name="procedureId">The procedure that applied.</param>
    /// <param name="procedureVersion">The procedure version that applied.</param>
    /// <param name="fromState">The state before.</param>
    /// <param name="toState">The state after; equal to <paramref name="fromState"/> for internal changes.</param>
    /// <param name="trigger">The trigger, or <see langword="null"/> when no trigger fired, as for a start or a step.</param>
    /// <param name="reason">The reason the actor gave, or <see langword="null"/>.</param>
    /// <param name="arguments">The fields the request brought; none when null.</param>
    /// <param name="overriddenSteps">The advisory steps overridden by this change; none when null.</param>
    /// <param name="idempotencyKey">The request's idempotency key, or <see langword="null"/>.</param>
    /// <param name="detail">The timer that fired, the step completed or the version migrated from, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="concernId"/> or <paramref name="actor"/> is default, or <paramref name="procedureId"/>,
    /// <paramref name="fromState"/> or <paramref name="toState"/> is null or white space.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> or <paramref name="procedureVersion"/> is less than 1.</exception>
    public AuditEntry(
        ConcernId concernId,
        long version,
        AuditKind kind,
        Instant at,
        Actor actor,
        string procedureId,
        int procedureVersion,
        string fromState,
        string toState,
        string? trigger = null,
        string? reason = null,
        IReadOnlyDictionary<string, string>? arguments = null,
        IReadOnlyList<string>? overriddenSteps = null,
        string? idempotencyKey = null,
        string? detail = null)
    {
        ConcernId = Guard.NotDefault(concernId);
        Version = version >= 1 ? version : throw new ArgumentOutOfRangeException(nameof(version), version, "Versions start at 1.");
        Kind = kind;
        At = at;
        Actor = Actor.Require(actor);
        ProcedureId = Guard.NotNullOrWhiteSpace(procedureId);
        ProcedureVersion = Guard.InRange(procedureVersion, 1, int.MaxValue);
        FromState = Guard.NotNullOrWhiteSpace(fromState);
        ToState = Guard.NotNullOrWhiteSpace(toState);
        Trigger = trigger;
        Reason = reason;
        Arguments = arguments is null || arguments.Count == 0 ? NoArguments : arguments.ToImmutableSortedDictionary(StringComparer.Ordinal);
        OverriddenSteps = overriddenSteps is null || overriddenSteps.Count == 0 ? [] : overriddenSteps.ToArray();
        IdempotencyKey = idempotencyKey;
        Detail = detail;
    }

    private AuditEntry(
        ConcernId concernId,
        long version,
        AuditKind kind,
        Instant at,
        Actor actor,
        string procedureId,
        int procedureVersion,
        string fromState,
        string toState,
        string? trigger,
        string? reason,
        IReadOnlyDictionary<string, string> arguments,
        IReadOnlyList<string> overriddenSteps,
        string? idempotencyKey,
        string? detail,
        bool trusted)
    {
        Guard.Invariant(trusted);
        ConcernId = concernId;
        Version = version;
        Kind = kind;
        At = at;
        Actor = actor;
        ProcedureId = procedureId;
        ProcedureVersion = procedureVersion;
        FromState = fromState;
        ToState = toState;
        Trigger = trigger;
        Reason = reason;
        Arguments = arguments;
        OverriddenSteps = overriddenSteps;
        IdempotencyKey = idempotencyKey;
        Detail = detail;
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId ConcernId { get; }

    /// <summary>Gets the concern version this entry produced.</summary>
    public long Version { get; }

    /// <summary>Gets what the entry records.</summary>
    public AuditKind Kind { get; }

    /// <summary>Gets when the change happened.</summary>
    public Instant At { get; }

    /// <summary>Gets who made the change; <see cref="Actor.System"/> for a timer.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the procedure that applied.</summary>
    public string ProcedureId { get; }

    /// <summary>Gets the procedure version that applied; for a migration, the new version.</summary>
    public int ProcedureVersion { get; }

    /// <summary>Gets the state before the change.</summary>
    public string FromState { get; }

    /// <summary>Gets the state after the change.</summary>
    public string ToState { get; }

    /// <summary>Gets the trigger, or <see langword="null"/> when no trigger fired.</summary>
    public string? Trigger { get; }

    /// <summary>Gets the reason the actor gave, or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Gets the fields the request brought, in ordinal order of their names.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; }

    /// <summary>Gets the advisory steps that this change overrode.</summary>
    public IReadOnlyList<string> OverriddenSteps { get; }

    /// <summary>Gets the request's idempotency key, or <see langword="null"/>.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>Gets the timer that fired, the step completed, or the version migrated from, or <see langword="null"/>.</summary>
    public string? Detail { get; }

    /// <summary>Returns a one-line summary without arguments or reason, which may hold personal data.</summary>
    /// <returns>A line such as <c>con_… v3 Transitioned in-progress → resolved by agt_… (resolve)</c>.</returns>
    public override string ToString() => $"{ConcernId} v{Version} {Kind} {FromState} → {ToState} by {Actor} ({Trigger})";

    internal static AuditEntry CreateTrusted(
        ConcernId concernId,
        long version,
        AuditKind kind,
        Instant at,
        Actor actor,
        string procedureId,
        int procedureVersion,
        string fromState,
        string toState,
        string? trigger,
        string? reason,
        IReadOnlyDictionary<string, string>? arguments,
        IReadOnlyList<string>? overriddenSteps,
        string? idempotencyKey,
        string? detail) =>
        new(concernId, version, kind, at, actor, procedureId, procedureVersion, fromState, toState, trigger, reason,
            arguments ?? NoArguments, overriddenSteps ?? [], idempotencyKey, detail, trusted: true);
}
