namespace CustomerCare.CompetenceRouting;

/// <summary>How the router chooses among the agents who meet a ladder step.</summary>
/// <remarks>Every mode breaks remaining ties by the longest idle time, then by agent identifier.</remarks>
public enum DistributionMode
{
    /// <summary>The agent who has waited longest for new work (the smallest <c>IdleSince</c>); the default.</summary>
    LongestIdle = 0,

    /// <summary>The agent with the smallest share of capacity in use.</summary>
    LeastBusy = 1,

    /// <summary>The agent with the highest sum of proficiencies in the required skills.</summary>
    BestSkillMatch = 2,

    /// <summary>The next agent in identifier order after the one this step chose last, wrapping around.</summary>
    RoundRobin = 3,
}
