using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>An offer of a concern to one agent, open until it is accepted, rejected or expires.</summary>
/// <param name="Agent">The agent the concern is offered to.</param>
/// <param name="OfferedAt">When the offer was made.</param>
/// <param name="ExpiresAt">When the offer times out unless accepted or rejected.</param>
public readonly record struct Offer(AgentId Agent, Instant OfferedAt, Instant ExpiresAt);
