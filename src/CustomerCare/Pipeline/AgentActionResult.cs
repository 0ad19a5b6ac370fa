using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using CustomerCare.Sop;

namespace CustomerCare;

/// <summary>The result of an agent action: whether it was applied, and if not, why.</summary>
/// <remarks>
/// A business rejection, such as a missing field or an open mandatory checklist step, is a result and never an
/// exception. This type is immutable and thread-safe.
/// </remarks>
public sealed class AgentActionResult
{
    internal AgentActionResult(AgentAction action, ConcernId concern, AgentActionStatus status, string? state)
    {
        Action = action;
        Concern = concern;
        Status = status;
        State = state;
    }

    /// <summary>Gets the action.</summary>
    public AgentAction Action { get; }

    /// <summary>Gets the concern.</summary>
    public ConcernId Concern { get; }

    /// <summary>Gets how the action ended.</summary>
    public AgentActionStatus Status { get; }

    /// <summary>Gets whether the action changed the concern now (not a duplicate, not rejected).</summary>
    public bool IsApplied => Status == AgentActionStatus.Applied;

    /// <summary>Gets the procedure state after the action, such as <c>pending-customer</c>; null when the concern has no procedure.</summary>
    public string? State { get; }

    /// <summary>Gets the procedure's rejection reasons, or <see cref="RejectionReasons.None"/>.</summary>
    public RejectionReasons Reasons { get; init; }

    /// <summary>Gets the fields the procedure still needs, such as <c>resolution-code</c>.</summary>
    public IReadOnlyList<string> MissingFields { get; init; } = [];

    /// <summary>Gets the mandatory checklist steps that are still open.</summary>
    public IReadOnlyList<string> OpenMandatorySteps { get; init; } = [];

    /// <summary>Gets the advisory checklist steps that are still open and were not overridden.</summary>
    public IReadOnlyList<string> OpenAdvisorySteps { get; init; } = [];

    /// <summary>Gets the guards that did not hold, such as <c>within-reopen-window</c>.</summary>
    public IReadOnlyList<string> UnmetGuards { get; init; } = [];

    /// <summary>Gets a sentence that explains a rejection, or null when the action was not rejected.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the competence level after an escalation, or null for other actions.</summary>
    public CompetenceLevel? Level { get; init; }

    /// <summary>Gets the agent an escalated concern was offered to, or null when none was (yet).</summary>
    public AgentId? OfferedTo { get; init; }

    /// <summary>Gets why an escalated concern went where it went, or null for other actions.</summary>
    public RoutingExplanation? Routing { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Action} on {Concern}: {Status}" + (State is null ? string.Empty : $" ({State})") + (Message is null ? string.Empty : $": {Message}");
}
