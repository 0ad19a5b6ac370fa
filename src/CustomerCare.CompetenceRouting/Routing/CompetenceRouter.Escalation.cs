using CustomerCare.CompetenceRouting.Engine;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <content>Escalation on request and reclassification.</content>
public sealed partial class CompetenceRouter
{
    /// <summary>
    /// Escalates a concern on an agent's or the procedure's request: to the next deeper step of its ladder, or to
    /// another ladder for a hierarchical escalation, with the knowledge gained so far.
    /// </summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="request">The requesting agent, the reason, the target and the note for the deeper level.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="QueueUpdateStatus.Escalated"/>: the agent who held the concern is released and the concern waits at
    /// the new step. <see cref="QueueUpdateStatus.LadderExhausted"/>: there is no deeper step, so the concern stays
    /// where it is, flagged, for its procedure to decide. Otherwise <see cref="QueueUpdateStatus.NotHeldByAgent"/> or
    /// <see cref="QueueUpdateStatus.NotFound"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The request names a ladder that the policy does not have, or a level at which that ladder has no step.
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">The entry kept changing under five attempts in a row.</exception>
    public async Task<QueueUpdateResult> EscalateAsync(ConcernId concernId, EscalationRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
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

                if (request.RequestedBy is { } requester && entry.Holder != requester)
                {
                    return new(QueueUpdateStatus.NotHeldByAgent, entry);
                }

                var (target, step) = EscalationTarget(entry, request);
                var now = _clock.GetCurrentInstant();
                var log = new ChangeLog();
                var holder = entry.Holder;

                // Without a deeper step the concern stays with the agent who holds it, and its procedure decides what happens next.
                var start = step < 0 ? entry : LadderWalker.ReturnToQueue(entry);
                if (step >= 0 && request.RequestedBy is { } asking)
                {
                    start = start with { Rejections = [.. start.Rejections, new Rejection(asking, now)] };
                }

                var escalated = _engine.Walker.Escalate(start, request.Kind, request.Reason, target, step, request.RequestedBy, request.Note, now, log);
                if (await TrySaveAsync(escalated, entry.Version, attempt, cancellationToken).ConfigureAwait(false) is not { } stored)
                {
                    continue;
                }

                if (step >= 0 && holder is { } released)
                {
                    Refresh(released, await _directory.ReleaseCapacityAsync(released, concernId, now, cancellationToken).ConfigureAwait(false));
                }

                Report(concernId, log);
                return new(step < 0 ? QueueUpdateStatus.LadderExhausted : QueueUpdateStatus.Escalated, stored, log.Escalations[0]);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Classifies a queued concern again with changed facts, for example when its complexity turns out higher than
    /// thought, and moves it to the new entry step when the classification changed.
    /// </summary>
    /// <param name="concern">The concern with its changed facts; its identifier selects the entry.</param>
    /// <param name="requestedBy">The agent who found the change, or <see langword="null"/>.</param>
    /// <param name="note">What was learned, for the deeper level, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="QueueUpdateStatus.Reclassified"/>, <see cref="QueueUpdateStatus.Unchanged"/> or
    /// <see cref="QueueUpdateStatus.NotFound"/>. A concern that is offered or assigned stays with its agent unless the new
    /// entry level is deeper than the agent's step, in which case the agent is released and the concern waits at the new
    /// step.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">The entry kept changing under five attempts in a row.</exception>
    public async Task<QueueUpdateResult> ReclassifyAsync(RoutableConcern concern, AgentId? requestedBy = null, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(concern);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var entry = await _queue.FindAsync(concern.Id, cancellationToken).ConfigureAwait(false);
                if (entry is null)
                {
                    return new(QueueUpdateStatus.NotFound, null);
                }

                var now = _clock.GetCurrentInstant();
                var classification = Policy.Classify(concern);
                var log = new ChangeLog();
                var holder = entry.Holder;
                var releases = holder is not null && MovesDeeper(entry, classification.Ladder, classification.EntryLevel);
                QueueEntry changed;
                if (classification == entry.Classification || (holder is not null && !releases))
                {
                    // The concern keeps its step, so only the priority follows the new classification and the step's boost.
                    var boost = _engine.Walker.LadderOf(entry).Steps[entry.StepIndex].PriorityBoost;
                    changed = entry with
                    {
                        Concern = concern,
                        Classification = classification,
                        Priority = new Priority(Math.Max(1, classification.Priority.Level - boost)),
                    };
                }
                else
                {
                    changed = _engine.Walker.Reclassify(releases ? LadderWalker.ReturnToQueue(entry) : entry, concern, requestedBy, note, now, log);
                }

                if (await TrySaveAsync(changed, entry.Version, attempt, cancellationToken).ConfigureAwait(false) is not { } stored)
                {
                    continue;
                }

                if (releases)
                {
                    Refresh(holder!.Value, await _directory.ReleaseCapacityAsync(holder.Value, concern.Id, now, cancellationToken).ConfigureAwait(false));
                }

                Report(concern.Id, log);
                if (classification == entry.Classification)
                {
                    return new(QueueUpdateStatus.Unchanged, stored);
                }

                Log.Reclassified(_logger, concern.Id, classification.Rule, stored.Ladder);
                return new(QueueUpdateStatus.Reclassified, stored, log.EscalationsView.Count > 0 ? log.EscalationsView[0] : null);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private (EscalationLadder Ladder, int Step) EscalationTarget(QueueEntry entry, EscalationRequest request)
    {
        if (request.TargetLadder is not { } name)
        {
            var ladder = _engine.Walker.LadderOf(entry);
            return (ladder, ladder.NextDeeperStep(entry.StepIndex));
        }

        var target = Policy.FindLadder(name)
            ?? throw new ArgumentException($"The escalation names ladder '{name}', which the routing policy does not have. Use one of: {string.Join(", ", Policy.Ladders.Select(l => l.Name))}.", nameof(request));
        var level = request.TargetLevel ?? default;
        var step = target.EntryStepFor(level);
        if (step < 0)
        {
            throw new ArgumentException($"Ladder '{name}' has no step at level {level} or deeper. Lower the target level or leave it unset.", nameof(request));
        }

        return (target, step);
    }

    private bool MovesDeeper(QueueEntry entry, string ladderName, CompetenceLevel entryLevel)
    {
        var target = Policy.FindLadder(ladderName)!;
        var current = _engine.Walker.LadderOf(entry).Steps[entry.StepIndex].Level;
        return target.Steps[target.EntryStepFor(entryLevel)].Level > current;
    }
}
