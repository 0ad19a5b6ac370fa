using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>A request to hold an agent's capacity for one concern, checked against the requirement at the moment of the claim.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CapacityClaim
{
    private readonly AgentId _agent;
    private readonly ConcernId _concern;
    private readonly AgentRequirement _requirement = null!;

    /// <summary>Gets the agent whose capacity is claimed.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required AgentId Agent
    {
        get => _agent;
        init => _agent = Guard.NotDefault(value);
    }

    /// <summary>Gets the concern the capacity is for.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required ConcernId Concern
    {
        get => _concern;
        init => _concern = Guard.NotDefault(value);
    }

    /// <summary>Gets what the agent must meet now: level, skills, language, channel, presence and free capacity.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required AgentRequirement Requirement
    {
        get => _requirement;
        init => _requirement = Guard.NotNull(value);
    }

    /// <summary>Gets the instant of the claim, which becomes the agent's <see cref="Agents.Agent.IdleSince"/>.</summary>
    public required Instant At { get; init; }
}
