using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Escalation;

/// <summary>A request to escalate one concern, from an agent or from the host's procedure.</summary>
/// <remarks>
/// <para>
/// Without <see cref="TargetLadder"/>, the concern moves to the first step of its ladder at a deeper level than its
/// current step. With it, the concern moves to that ladder at <see cref="TargetLevel"/>, or at its first step; this is
/// how hierarchical escalations reach a VIP desk or a management ladder.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record EscalationRequest
{
    /// <summary>Gets the direction; <see cref="EscalationKind.Functional"/> by default.</summary>
    public EscalationKind Kind { get; init; }

    /// <summary>Gets what triggered the escalation; <see cref="EscalationReason.AgentRequest"/> by default.</summary>
    public EscalationReason Reason { get; init; } = EscalationReason.AgentRequest;

    /// <summary>
    /// Gets the requesting agent, or <see langword="null"/> for the host's procedure (the default). An agent may only
    /// escalate a concern that was offered or assigned to them.
    /// </summary>
    public AgentId? RequestedBy { get; init; }

    /// <summary>Gets the knowledge gained so far, for the deeper level; <see langword="null"/> by default.</summary>
    public string? Note { get; init; }

    /// <summary>Gets the ladder to move to, or <see langword="null"/> to stay on the concern's ladder (the default).</summary>
    public string? TargetLadder { get; init; }

    /// <summary>Gets the level at which to enter <see cref="TargetLadder"/>, or <see langword="null"/> for its first step (the default).</summary>
    public CompetenceLevel? TargetLevel { get; init; }

    /// <summary>Creates a functional escalation that an agent requests, with what they learned.</summary>
    /// <param name="agent">The agent who holds the concern.</param>
    /// <param name="note">What the agent learned so far, or <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    public static EscalationRequest ByAgent(AgentId agent, string? note = null) =>
        new() { Kind = EscalationKind.Functional, Reason = EscalationReason.AgentRequest, RequestedBy = agent, Note = note };

    /// <summary>Creates a hierarchical escalation to another ladder, such as a VIP desk or a management ladder.</summary>
    /// <param name="reason">The reason, usually <see cref="EscalationReason.Vip"/> or <see cref="EscalationReason.Manager"/>.</param>
    /// <param name="ladder">The ladder to move to.</param>
    /// <param name="note">The knowledge to hand on, or <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException"><paramref name="ladder"/> is null or white space.</exception>
    public static EscalationRequest Hierarchical(EscalationReason reason, string ladder, string? note = null) =>
        new() { Kind = EscalationKind.Hierarchical, Reason = reason, TargetLadder = Guard.NotNullOrWhiteSpace(ladder), Note = note };
}
