using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>Capacity that an agent holds for one concern, from the moment it is offered until the concern completes.</summary>
/// <param name="ConcernId">The concern.</param>
/// <param name="Channel">The concern's channel.</param>
/// <param name="Cost">The units the concern takes, as the agent's capacity charges for the channel.</param>
/// <param name="Since">When the capacity was claimed.</param>
public readonly record struct AgentAssignment(ConcernId ConcernId, Channel Channel, int Cost, Instant Since);
