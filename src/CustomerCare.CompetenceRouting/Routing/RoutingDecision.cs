using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <summary>The result of routing one waiting concern: the entry afterwards, the chosen agent and the explanation.</summary>
/// <remarks>This type is immutable and thread-safe. It compares by reference.</remarks>
public sealed class RoutingDecision
{
    /// <summary>
    /// Gets the entry after the decision: with the step changes made while deciding, and with the offer when the engine
    /// booked the chosen agent.
    /// </summary>
    public required QueueEntry Entry { get; init; }

    /// <summary>Gets the explanation of the decision.</summary>
    public required RoutingExplanation Explanation { get; init; }

    /// <summary>Gets the chosen agent, or <see langword="null"/> when the concern keeps waiting.</summary>
    public AgentId? Agent => Explanation.Winner?.Agent;

    /// <summary>Gets the outcome.</summary>
    public RoutingOutcome Outcome => Explanation.Outcome;

    /// <summary>Gets the escalations that happened while deciding, such as a step timeout to a deeper level; empty when none.</summary>
    public IReadOnlyList<EscalationRecord> Escalations { get; init; } = [];

    /// <summary>Gets the names of the overflow rules that fired while deciding; empty when none.</summary>
    public IReadOnlyList<string> AppliedOverflowRules { get; init; } = [];

    /// <summary>Gets a value indicating whether the concern ran off the end of its ladder in this decision.</summary>
    public bool BecameExhausted { get; init; }
}
