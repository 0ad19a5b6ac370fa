namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>How much a routing explanation lists agent by agent. Counts by reason are always complete.</summary>
public enum ExplanationDetail
{
    /// <summary>
    /// List the agents examined one by one and excluded, up to the listing limit. Agents that the engine's index
    /// filtered out by level, presence or a missing skill are only counted. The default.
    /// </summary>
    Candidates = 0,

    /// <summary>Count only; list no agents. The cheapest detail for large batches.</summary>
    Counts = 1,

    /// <summary>Check every agent in the pool and list each excluded one, up to the listing limit. Slow for large pools.</summary>
    AllAgents = 2,
}
