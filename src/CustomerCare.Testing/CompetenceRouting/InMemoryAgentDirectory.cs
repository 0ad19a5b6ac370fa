using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Testing.CompetenceRouting;

/// <summary>An <see cref="IAgentDirectory"/> in memory, for tests and single-process hosts.</summary>
/// <remarks>
/// It keeps the port's concurrency contract: versions, atomic claims that check the requirement on the stored agent,
/// and idempotent claims and releases. Every operation runs under one lock, so this type is thread-safe, and it
/// completes synchronously.
/// </remarks>
public sealed class InMemoryAgentDirectory : IAgentDirectory
{
    private const int MaxLimit = 1000;

    private readonly Lock _lock = new();
    private readonly SortedDictionary<AgentId, Agent> _agents = [];

    /// <summary>Gets the number of stored agents.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _agents.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<Agent?> FindAsync(AgentId agentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_agents.GetValueOrDefault(agentId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<AgentPage> ListAsync(AgentId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);
        lock (_lock)
        {
            var remaining = _agents.Values.Where(a => after is not { } cursor || a.Id > cursor);
            var page = remaining.Take(limit + 1).ToList();
            var more = page.Count > limit;
            if (more)
            {
                page.RemoveAt(limit);
            }

            return ValueTask.FromResult(new AgentPage(page, more ? page[^1].Id : null));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Agent> SaveAsync(Agent agent, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(agent);
        RequireNotNegative(expectedVersion);
        lock (_lock)
        {
            var actual = _agents.TryGetValue(agent.Id, out var current) ? current.Version : (long?)null;
            if ((actual ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException(nameof(Agent), agent.Id.ToString(), expectedVersion, actual);
            }

            var stored = agent with { Version = expectedVersion + 1 };
            _agents[agent.Id] = stored;
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(AgentId agentId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Stored agents have version 1 or more. Pass the version you read.");
        }

        lock (_lock)
        {
            if (!_agents.TryGetValue(agentId, out var current))
            {
                return ValueTask.FromResult(false);
            }

            if (current.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException(nameof(Agent), agentId.ToString(), expectedVersion, current.Version);
            }

            _agents.Remove(agentId);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<CapacityClaimResult> ClaimCapacityAsync(CapacityClaim claim, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(claim);
        lock (_lock)
        {
            if (!_agents.TryGetValue(claim.Agent, out var agent))
            {
                return ValueTask.FromResult(new CapacityClaimResult(CapacityClaimStatus.AgentNotFound, null, AgentCheck.Eligible));
            }

            if (agent.Holds(claim.Concern))
            {
                return ValueTask.FromResult(new CapacityClaimResult(CapacityClaimStatus.AlreadyHeld, agent, AgentCheck.Eligible));
            }

            var check = claim.Requirement.Evaluate(agent);
            if (!check.IsEligible)
            {
                return ValueTask.FromResult(new CapacityClaimResult(CapacityClaimStatus.NotEligible, agent, check));
            }

            var channel = claim.Requirement.Channel;
            var assignment = new AgentAssignment(claim.Concern, channel, agent.Capacity.CostOf(channel), claim.At);
            var stored = agent.WithAssignment(assignment, claim.At) with { Version = agent.Version + 1 };
            _agents[agent.Id] = stored;
            return ValueTask.FromResult(new CapacityClaimResult(CapacityClaimStatus.Claimed, stored, check));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Agent?> ReleaseCapacityAsync(AgentId agentId, ConcernId concernId, Instant at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_agents.TryGetValue(agentId, out var agent))
            {
                return ValueTask.FromResult<Agent?>(null);
            }

            if (!agent.Holds(concernId))
            {
                return ValueTask.FromResult<Agent?>(agent);
            }

            var stored = agent.WithoutAssignment(concernId, at) with { Version = agent.Version + 1 };
            _agents[agentId] = stored;
            return ValueTask.FromResult<Agent?>(stored);
        }
    }

    private static void RequireNotNegative(long expectedVersion)
    {
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Versions start at 0 (must not exist yet). Pass the version you read.");
        }
    }
}
