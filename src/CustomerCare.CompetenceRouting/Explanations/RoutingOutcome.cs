namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>The outcome of one routing decision.</summary>
public enum RoutingOutcome
{
    /// <summary>An agent was chosen, and the router offers the concern to them.</summary>
    AgentSelected = 0,

    /// <summary>No agent can take the concern now, so it keeps waiting on its step.</summary>
    Waiting = 1,
}
