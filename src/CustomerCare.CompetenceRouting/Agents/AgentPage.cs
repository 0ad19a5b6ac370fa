using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>One page of agents and the cursor for the next page.</summary>
/// <param name="Agents">The agents, in identifier order.</param>
/// <param name="Next">The cursor for the next page, or <see langword="null"/> when this page is the last.</param>
public sealed record AgentPage(IReadOnlyList<Agent> Agents, AgentId? Next);
