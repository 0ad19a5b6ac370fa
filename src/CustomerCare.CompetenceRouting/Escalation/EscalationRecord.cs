using System.Globalization;
using System.Text;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Escalation;

/// <summary>One escalation of a concern: when, why, from which ladder step to which, and the knowledge handed on.</summary>
/// <remarks>
/// <see cref="ToStep"/> and <see cref="ToLevel"/> are <see langword="null"/> when the escalation found no deeper step,
/// so the ladder is exhausted and the concern waits, flagged, at its current step. This type is immutable and
/// thread-safe.
/// </remarks>
public sealed record EscalationRecord
{
    /// <summary>Gets the concern.</summary>
    public required ConcernId ConcernId { get; init; }

    /// <summary>Gets when the escalation happened.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the direction: functional or hierarchical.</summary>
    public required EscalationKind Kind { get; init; }

    /// <summary>Gets what triggered the escalation.</summary>
    public required EscalationReason Reason { get; init; }

    /// <summary>Gets the ladder the concern was on.</summary>
    public required string FromLadder { get; init; }

    /// <summary>Gets the step the concern was on, starting at 0.</summary>
    public required int FromStep { get; init; }

    /// <summary>Gets the level of that step.</summary>
    public required CompetenceLevel FromLevel { get; init; }

    /// <summary>Gets the ladder the concern moved to.</summary>
    public required string ToLadder { get; init; }

    /// <summary>Gets the step the concern moved to, or <see langword="null"/> when the ladder is exhausted.</summary>
    public int? ToStep { get; init; }

    /// <summary>Gets the level of that step, or <see langword="null"/> when the ladder is exhausted.</summary>
    public CompetenceLevel? ToLevel { get; init; }

    /// <summary>Gets the agent who asked for the escalation, or <see langword="null"/> when a rule triggered it.</summary>
    public AgentId? RequestedBy { get; init; }

    /// <summary>Gets the knowledge handed to the deeper level, or <see langword="null"/> when none was given.</summary>
    /// <remarks>The note may contain personal data, so it is never logged.</remarks>
    public string? Note { get; init; }

    /// <summary>Describes the escalation for people, without the note.</summary>
    /// <returns>A line such as <c>functional escalation (StepTimeout) of con_… from billing step 2 (level 1) to billing step 3 (level 2)</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Kind == EscalationKind.Functional ? "functional" : "hierarchical").Append(" escalation (").Append(Reason).Append(") of ").Append(ConcernId);
        text.Append(CultureInfo.InvariantCulture, $" from {FromLadder} step {FromStep + 1} (level {FromLevel.Rank})");
        text.Append(ToStep is { } step
            ? string.Create(CultureInfo.InvariantCulture, $" to {ToLadder} step {step + 1} (level {ToLevel?.Rank})")
            : " found no deeper step: ladder exhausted");
        if (RequestedBy is { } agent)
        {
            text.Append(", requested by ").Append(agent);
        }

        return text.ToString();
    }
}
