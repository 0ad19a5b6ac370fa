using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <summary>What one routing pass did: offers made, offers expired, escalations, exhausted ladders and overflow.</summary>
/// <remarks>This type is immutable and thread-safe. It compares by reference.</remarks>
public sealed class RoutingPassResult
{
    internal RoutingPassResult(
        IReadOnlyList<RoutingDecision> decisions,
        IReadOnlyList<ExpiredOffer> expiredOffers,
        IReadOnlyList<EscalationRecord> escalations,
        IReadOnlyList<ConcernId> exhausted,
        IReadOnlyList<OverflowApplication> overflow,
        int conflicts)
    {
        Decisions = decisions;
        Offers = decisions.Where(d => d.Agent is not null).ToArray();
        ExpiredOffers = expiredOffers;
        Escalations = escalations;
        Exhausted = exhausted;
        Overflow = overflow;
        Conflicts = conflicts;
    }

    /// <summary>Gets one decision per concern that was waiting, in queue order, each with its explanation.</summary>
    public IReadOnlyList<RoutingDecision> Decisions { get; }

    /// <summary>Gets the decisions that led to an offer, stored in the queue and backed by a capacity claim.</summary>
    public IReadOnlyList<RoutingDecision> Offers { get; }

    /// <summary>Gets the offers that expired in this pass.</summary>
    public IReadOnlyList<ExpiredOffer> ExpiredOffers { get; }

    /// <summary>Gets the escalations in this pass: step timeouts to deeper levels, SLA risk and overflow moves.</summary>
    public IReadOnlyList<EscalationRecord> Escalations { get; }

    /// <summary>Gets the concerns that ran off the end of their ladder in this pass, for their procedure to handle.</summary>
    public IReadOnlyList<ConcernId> Exhausted { get; }

    /// <summary>Gets the overflow rules that fired in this pass.</summary>
    public IReadOnlyList<OverflowApplication> Overflow { get; }

    /// <summary>
    /// Gets how many times another operation changed a concern or an agent in the middle of this pass. Those concerns
    /// are routed in the next pass.
    /// </summary>
    public int Conflicts { get; }
}
