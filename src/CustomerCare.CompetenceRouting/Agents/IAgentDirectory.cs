using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>Stores agents with their presence and the capacity they hold: the port behind the agent directory.</summary>
/// <remarks>
/// <para>
/// Concurrency contract: every agent has a version that starts at 1 and increases by one with each write, including
/// claims and releases. <see cref="SaveAsync"/> with expected version 0 creates the agent and fails when it exists;
/// with any other expected version it fails unless the stored version is the same. A failed write throws
/// <see cref="ConcurrencyConflictException"/> with the expected and the actual version and changes nothing.
/// </para>
/// <para>
/// Claims are atomic: <see cref="ClaimCapacityAsync"/> evaluates <see cref="AgentRequirement.Evaluate(Agent)"/> on the
/// agent as stored at that moment (presence, free capacity, level, skills, language) and adds the assignment in the
/// same step, so two concurrent claims can never push an agent over capacity and an agent who just went offline is
/// never claimed. A claim for a concern the agent already holds returns <see cref="CapacityClaimStatus.AlreadyHeld"/>
/// and writes nothing, and <see cref="ReleaseCapacityAsync"/> of a concern the agent does not hold writes nothing, so
/// both can be repeated safely.
/// </para>
/// <para>
/// Order and paging: <see cref="ListAsync"/> returns agents in identifier order after the cursor; an agent that exists
/// for the whole listing appears exactly once.
/// </para>
/// <para>Implementations must be thread-safe.</para>
/// </remarks>
public interface IAgentDirectory
{
    /// <summary>Returns an agent.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored agent, or <see langword="null"/> when there is none.</returns>
    ValueTask<Agent?> FindAsync(AgentId agentId, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of agents in identifier order.</summary>
    /// <param name="after">The cursor: only agents whose identifier sorts after it, or <see langword="null"/> to start.</param>
    /// <param name="limit">The maximum number of agents, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page and the cursor for the next one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1000.</exception>
    ValueTask<AgentPage> ListAsync(AgentId? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an agent when the stored version is <paramref name="expectedVersion"/>.</summary>
    /// <param name="agent">The agent to store; its own <see cref="Agent.Version"/> is ignored.</param>
    /// <param name="expectedVersion">The version read before the change, or 0 when the agent must not exist yet.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored agent with its new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<Agent> SaveAsync(Agent agent, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes an agent when the stored version is <paramref name="expectedVersion"/>.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="expectedVersion">The version read before the removal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the agent was removed, <see langword="false"/> when it did not exist.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is less than 1.</exception>
    /// <exception cref="ConcurrencyConflictException">The agent exists with another version.</exception>
    ValueTask<bool> RemoveAsync(AgentId agentId, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Holds an agent's capacity for a concern if the agent meets the requirement now; see the remarks.</summary>
    /// <param name="claim">The agent, the concern, the requirement and the instant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome and the agent as stored afterwards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    ValueTask<CapacityClaimResult> ClaimCapacityAsync(CapacityClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Releases the capacity an agent holds for a concern; the agent waits for new work from <paramref name="at"/>.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="concernId">The concern.</param>
    /// <param name="at">The instant of the release.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The agent as stored afterwards, or <see langword="null"/> when there is no such agent.</returns>
    ValueTask<Agent?> ReleaseCapacityAsync(AgentId agentId, ConcernId concernId, Instant at, CancellationToken cancellationToken = default);
}
