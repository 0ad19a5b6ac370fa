namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>The outcome of <see cref="IAgentDirectory.ClaimCapacityAsync"/> and the agent as stored afterwards.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Agent">The agent as stored after the claim, or <see langword="null"/> when it was not found.</param>
/// <param name="Check">The requirement check at the moment of the claim; its reason explains <see cref="CapacityClaimStatus.NotEligible"/>.</param>
public sealed record CapacityClaimResult(CapacityClaimStatus Status, Agent? Agent, AgentCheck Check)
{
    /// <summary>Gets a value indicating whether the agent holds capacity for the concern now.</summary>
    public bool Succeeded => Status is CapacityClaimStatus.Claimed or CapacityClaimStatus.AlreadyHeld;
}
