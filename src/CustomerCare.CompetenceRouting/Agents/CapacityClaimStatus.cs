namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>The outcome of a capacity claim.</summary>
public enum CapacityClaimStatus
{
    /// <summary>The agent met the requirement and now holds capacity for the concern.</summary>
    Claimed = 0,

    /// <summary>The agent already held capacity for the concern, so nothing changed; a repeated claim is harmless.</summary>
    AlreadyHeld = 1,

    /// <summary>The directory has no agent with that identifier.</summary>
    AgentNotFound = 2,

    /// <summary>The agent no longer meets the requirement, such as after going offline or filling up; see the check.</summary>
    NotEligible = 3,
}
