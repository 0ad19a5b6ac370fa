using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Engine;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <content>Agent changes through the router, and repair after a crash.</content>
public sealed partial class CompetenceRouter
{
    /// <summary>Sets an agent's presence in the directory and in the router's pool; becoming available restarts its idle time.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="presence">The new presence.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The agent as stored afterwards.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="presence"/> is not a defined <see cref="Presence"/>.</exception>
    /// <exception cref="EntityNotFoundException">The directory has no such agent.</exception>
    /// <exception cref="ConcurrencyConflictException">The agent kept changing under five attempts in a row.</exception>
    /// <remarks>Offers already made stay open; call <see cref="RouteAsync"/> afterwards so an available agent gets work.</remarks>
    public async Task<Agent> SetPresenceAsync(AgentId agentId, Presence presence, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(presence))
        {
            throw new ArgumentOutOfRangeException(nameof(presence), presence, "Presence must be Offline, Available, Busy or Away.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var agent = await _directory.FindAsync(agentId, cancellationToken).ConfigureAwait(false)
                    ?? throw new EntityNotFoundException(nameof(Agent), agentId.ToString());
                var changed = agent.WithPresence(presence, _clock.GetCurrentInstant());
                if (ReferenceEquals(changed, agent))
                {
                    _engine.UpsertAgent(agent);
                    return agent;
                }

                try
                {
                    var stored = await _directory.SaveAsync(changed, agent.Version, cancellationToken).ConfigureAwait(false);
                    _engine.UpsertAgent(stored);
                    Log.PresenceChanged(_logger, agentId, presence);
                    return stored;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxWriteAttempts)
                {
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates or changes an agent in the directory and in the router's pool.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="expectedVersion">The version read before the change, or 0 for a new agent.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The agent as stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    public async Task<Agent> SaveAgentAsync(Agent agent, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(agent);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            var stored = await _directory.SaveAsync(agent, expectedVersion, cancellationToken).ConfigureAwait(false);
            _engine.UpsertAgent(stored);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Repairs what a crash between two writes leaves behind. Capacity that an agent holds for a concern not offered or
    /// assigned to it is released. A concern offered or assigned to an agent that holds no capacity for it returns to
    /// the queue with its age.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of repairs.</returns>
    /// <remarks>
    /// Run it at start-up, or while no other router instance routes: an instance that is between its capacity claim and
    /// its queue write would lose that claim, and the offer it then writes would be returned to the queue by the next
    /// reconciliation.
    /// </remarks>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAgentsCoreAsync(cancellationToken).ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            var repairs = 0;

            foreach (var agent in _engine.Agents.ToArray())
            {
                foreach (var assignment in agent.Assignments)
                {
                    var entry = await _queue.FindAsync(assignment.ConcernId, cancellationToken).ConfigureAwait(false);
                    if (entry?.Holder == agent.Id)
                    {
                        continue;
                    }

                    Refresh(agent.Id, await _directory.ReleaseCapacityAsync(agent.Id, assignment.ConcernId, now, cancellationToken).ConfigureAwait(false));
                    Log.OrphanRepaired(_logger, assignment.ConcernId, agent.Id, "released capacity held without an offer or assignment");
                    repairs++;
                }
            }

            foreach (var entry in await LoadEntriesAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (entry.Holder is not { } holder || _engine.FindAgent(holder)?.Holds(entry.ConcernId) == true)
                {
                    continue;
                }

                try
                {
                    await _queue.SaveAsync(LadderWalker.ReturnToQueue(entry), entry.Version, cancellationToken).ConfigureAwait(false);
                    Log.OrphanRepaired(_logger, entry.ConcernId, holder, "returned to the queue because the agent holds no capacity for it");
                    repairs++;
                }
                catch (ConcurrencyConflictException)
                {
                    Log.QueueWriteConflict(_logger, entry.ConcernId);
                }
            }

            return repairs;
        }
        finally
        {
            _gate.Release();
        }
    }
}
