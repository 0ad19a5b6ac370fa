using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>An agent that could not take the concern and why.</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Check">The reason and the numbers behind it; <see cref="AgentCheck.Describe"/> turns it into text.</param>
public readonly record struct AgentExclusion(AgentId Agent, AgentCheck Check);
