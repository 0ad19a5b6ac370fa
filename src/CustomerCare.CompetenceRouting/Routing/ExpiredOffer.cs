using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>An offer that expired unanswered, so the concern returned to the queue with its age.</summary>
/// <param name="ConcernId">The concern.</param>
/// <param name="Agent">The agent who did not respond.</param>
/// <param name="ExpiredAt">When the offer expired.</param>
/// <param name="AgentSetAway">Whether the agent was set to away, as <see cref="RoutingPolicy.AwayAfterMissedOffer"/> requires.</param>
public readonly record struct ExpiredOffer(ConcernId ConcernId, AgentId Agent, Instant ExpiredAt, bool AgentSetAway);
