using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>An agent's rejection of an offer, which keeps the concern away from that agent for the policy's cooldown.</summary>
/// <param name="Agent">The agent who rejected.</param>
/// <param name="At">When the agent rejected.</param>
public readonly record struct Rejection(AgentId Agent, Instant At);
