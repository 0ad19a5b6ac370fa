using CustomerCare.CompetenceRouting.Engine;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <content>Answers to offers and the end of a concern's time in the queue.</content>
public sealed partial class CompetenceRouter
{
    /// <summary>Records that an agent accepted the offer of a concern; the concern is then assigned to them.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="agentId">The agent who accepts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="QueueUpdateStatus.Accepted"/> (also when it was accepted before), <see cref="QueueUpdateStatus.Expired"/>
    /// when the offer had expired, <see cref="QueueUpdateStatus.NotOfferedToAgent"/> or <see cref="QueueUpdateStatus.NotFound"/>.
    /// </returns>
    /// <exception cref="ConcurrencyConflictException">The entry kept changing under five attempts in a row.</exception>
    public async Task<QueueUpdateResult> AcceptAsync(ConcernId concernId, AgentId agentId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var entry = await _queue.FindAsync(concernId, cancellationToken).ConfigureAwait(false);
                if (entry is null)
                {
                    return new(QueueUpdateStatus.NotFound, null);
                }

                if (entry.Status == QueueEntryStatus.Assigned && entry.AssignedAgent == agentId)
                {
                    return new(QueueUpdateStatus.Accepted, entry);
                }

                if (entry.Status != QueueEntryStatus.Offered || entry.Offer!.Value.Agent != agentId)
                {
                    return new(QueueUpdateStatus.NotOfferedToAgent, entry);
                }

                var now = _clock.GetCurrentInstant();
                if (now >= entry.Offer.Value.ExpiresAt)
                {
                    if (await TrySaveAsync(LadderWalker.ReturnToQueue(entry), entry.Version, attempt, cancellationToken).ConfigureAwait(false) is { } returned)
                    {
                        // The agent is present, because they accepted, so they are not set to away.
                        await ReleaseAfterExpiryAsync(entry, now, setAway: false, cancellationToken).ConfigureAwait(false);
                        return new(QueueUpdateStatus.Expired, returned);
                    }

                    continue;
                }

                var assigned = entry with { Status = QueueEntryStatus.Assigned, AssignedAgent = agentId, AssignedAt = now, Offer = null };
                if (await TrySaveAsync(assigned, entry.Version, attempt, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    Log.OfferAccepted(_logger, agentId, concernId);
                    return new(QueueUpdateStatus.Accepted, stored);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Records that an agent rejected the offer of a concern. The concern returns to the queue with its age, and is not
    /// offered to that agent again.
    /// </summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="agentId">The agent who rejects.</param>
    /// <param name="note">What the agent learned, for the agent who takes the concern next, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="QueueUpdateStatus.Rejected"/>, <see cref="QueueUpdateStatus.NotOfferedToAgent"/> or <see cref="QueueUpdateStatus.NotFound"/>.</returns>
    /// <exception cref="ConcurrencyConflictException">The entry kept changing under five attempts in a row.</exception>
    public async Task<QueueUpdateResult> RejectAsync(ConcernId concernId, AgentId agentId, string? note = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var entry = await _queue.FindAsync(concernId, cancellationToken).ConfigureAwait(false);
                if (entry is null)
                {
                    return new(QueueUpdateStatus.NotFound, null);
                }

                if (entry.Status != QueueEntryStatus.Offered || entry.Offer!.Value.Agent != agentId)
                {
                    return new(QueueUpdateStatus.NotOfferedToAgent, entry);
                }

                var now = _clock.GetCurrentInstant();
                var returned = LadderWalker.ReturnToQueue(entry) with { Rejections = [.. entry.Rejections, new Rejection(agentId, now)] };
                if (note is not null)
                {
                    var level = _engine.Walker.LadderOf(entry).Steps[entry.StepIndex].Level;
                    returned = returned with { Notes = [.. entry.Notes, new KnowledgeNote(now, agentId, Policy.FindLevel(level.Rank) ?? level, note)] };
                }

                if (await TrySaveAsync(returned, entry.Version, attempt, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    Refresh(agentId, await _directory.ReleaseCapacityAsync(agentId, concernId, now, cancellationToken).ConfigureAwait(false));
                    Log.OfferRejected(_logger, agentId, concernId);
                    return new(QueueUpdateStatus.Rejected, stored);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Takes a concern out of the routing queue because it no longer needs routing: it was handled, withdrawn, or its
    /// procedure took it over. The agent who held it is released.
    /// </summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the concern was queued and is removed now; <see langword="false"/> when it was not queued.</returns>
    /// <exception cref="ConcurrencyConflictException">The entry kept changing under five attempts in a row.</exception>
    public async Task<bool> CompleteAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var entry = await _queue.FindAsync(concernId, cancellationToken).ConfigureAwait(false);
                if (entry is null)
                {
                    return false;
                }

                try
                {
                    await _queue.RemoveAsync(concernId, entry.Version, cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxWriteAttempts)
                {
                    continue;
                }

                if (entry.Holder is { } holder)
                {
                    Refresh(holder, await _directory.ReleaseCapacityAsync(holder, concernId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false));
                }

                Log.ConcernCompleted(_logger, concernId);
                return true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves an entry, or returns <see langword="null"/> after a conflict so the caller can read it again.</summary>
    private async Task<QueueEntry?> TrySaveAsync(QueueEntry entry, long expectedVersion, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await _queue.SaveAsync(entry, expectedVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException) when (attempt < MaxWriteAttempts)
        {
            return null;
        }
    }
}
