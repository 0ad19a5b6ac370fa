using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Sla.Policies;
using CustomerCare.Sop;

namespace CustomerCare;

public sealed partial class ServiceDesk
{
    private async Task<HandOff> HandOffAsync(
        Concern concern, CustomerId customer, Channel channel, ContactReason reason, string? language, InboundDetails details, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var priority = details.Priority ?? DerivePriority(details);

        // Start the procedure and triage it with the priority. A repeated hand-off (a retried contact) finds the
        // procedure started and the triage recorded under its key, and goes on with routing, which is idempotent too.
        var start = await _runner.StartAsync(new StartRequest(concern.Id, details.ConcernType ?? _settings.ConcernType, Actor.System), cancellationToken).ConfigureAwait(false);
        await ApplySlaIntentsAsync(concern.Id, start, priority, details.Tier, cancellationToken).ConfigureAwait(false);
        var triage = await _runner.FireAsync(concern.Id, new TriggerRequest(LifecycleTriggers.Triage, Actor.System)
        {
            Fields = new Dictionary<string, string> { [LifecycleFields.Priority] = priority.ToString() },
            IdempotencyKey = "service-desk:triage",
        }, cancellationToken).ConfigureAwait(false);
        await ApplySlaIntentsAsync(concern.Id, triage, priority, details.Tier, cancellationToken).ConfigureAwait(false);

        var slaDue = await FindDeadlineAsync(concern.Id, SlaTargetKind.FirstResponse, cancellationToken).ConfigureAwait(false);
        var enqueue = await _router.EnqueueAsync(new RoutableConcern
        {
            Id = concern.Id,
            Channel = channel,
            Reason = reason,
            Complexity = details.Complexity,
            Tier = details.Tier,
            Language = language is not null && Language.TryParse(language, out var parsed) ? parsed : null,
            Priority = priority,
            EnqueuedAt = now,
            SlaDueAt = slaDue,
        }, cancellationToken).ConfigureAwait(false);

        var pass = _settings.RouteOnReceive ? await RouteAndPublishAsync(null, cancellationToken).ConfigureAwait(false) : null;
        var decision = pass?.Decisions.LastOrDefault(d => d.Entry.ConcernId == concern.Id);
        var entry = decision?.Entry ?? enqueue.Entry;
        var explanation = decision?.Explanation ?? await _router.ExplainAsync(concern.Id, cancellationToken).ConfigureAwait(false);
        var outcome = decision?.Agent is not null || entry.Status != QueueEntryStatus.Waiting
            ? InboundOutcome.Routed
            : entry.IsExhausted ? InboundOutcome.LadderExhausted : InboundOutcome.Queued;
        var offeredTo = decision?.Agent ?? entry.Offer?.Agent ?? entry.AssignedAgent;
        var state = (await _snapshots.FindAsync(concern.Id, cancellationToken).ConfigureAwait(false))?.State;
        return new HandOff(outcome, priority, LevelOf(entry), offeredTo, explanation, state);
    }

    private async Task<InboundResult> AddToHandledConcernAsync(RecordingResult recording, ConcernSnapshot snapshot, CancellationToken cancellationToken)
    {
        var concern = recording.Concern!;
        var now = _clock.GetCurrentInstant();
        var key = $"service-desk:contact:{recording.Interaction.Id}";

        // The customer answered a question: the concern leaves pending and the paused resolution clock runs again.
        if (snapshot.State == LifecycleStates.PendingCustomer)
        {
            var resumed = await _runner.FireAsync(concern.Id, new TriggerRequest(LifecycleTriggers.Resume, Actor.FromCustomer(recording.Customer.Id))
            {
                IdempotencyKey = key,
            }, cancellationToken).ConfigureAwait(false);
            await ApplySlaIntentsAsync(concern.Id, resumed, null, null, cancellationToken).ConfigureAwait(false);
        }

        // The customer came back on a resolved concern: the resolution did not hold, so the concern reopens.
        else if (snapshot.State == LifecycleStates.Resolved)
        {
            var reopened = await _runner.FireAsync(concern.Id, new TriggerRequest(LifecycleTriggers.Reopen, Actor.FromCustomer(recording.Customer.Id))
            {
                IdempotencyKey = key,
                Reason = "customer-contact",
            }, cancellationToken).ConfigureAwait(false);
            await ApplySlaIntentsAsync(concern.Id, reopened, null, null, cancellationToken).ConfigureAwait(false);
            if (reopened.Outcome == ProcedureOutcome.Applied)
            {
                await UpdateConcernStatusAsync(concern.Id, c => c.Reopen(now), cancellationToken).ConfigureAwait(false);
                _instruments.ConcernReopened();
                await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Reopened, now, concern.Id) { Customer = recording.Customer.Id }, cancellationToken).ConfigureAwait(false);
            }
        }

        await StartNextResponseAsync(concern.Id, now, cancellationToken).ConfigureAwait(false);
        var current = await _snapshots.FindAsync(concern.Id, cancellationToken).ConfigureAwait(false);
        return new InboundResult(InboundOutcome.AddedToConcern, recording.Customer.Id, recording.Interaction.Id)
        {
            CustomerCreated = recording.CustomerCreated,
            Identity = recording.Identity,
            Concern = concern.Id,
            Threading = recording.Threading,
            ProcedureState = current?.State,
        };
    }

    private Priority DerivePriority(InboundDetails details)
    {
        var impact = details.Impact ?? new Impact((_priorityMatrix.ImpactLevels + 1) / 2);
        var urgency = details.Urgency ?? new Urgency((_priorityMatrix.UrgencyLevels + 1) / 2);
        return _priorityMatrix.GetPriority(impact, urgency);
    }

    private CompetenceLevel? LevelOf(QueueEntry entry)
    {
        var ladder = _settings.RoutingPolicy.Ladders.FirstOrDefault(l => l.Name == entry.Ladder);
        return ladder is not null && entry.StepIndex >= 0 && entry.StepIndex < ladder.Steps.Count
            ? ladder.Steps[entry.StepIndex].Level
            : entry.Classification.EntryLevel;
    }

    /// <summary>Runs a routing pass and publishes its offers, escalations and exhausted ladders.</summary>
    private async Task<RoutingPassResult> RouteAndPublishAsync(List<ServiceDeskEvent>? sink, CancellationToken cancellationToken)
    {
        var pass = await _router.RouteAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        // An escalation without a target level found no deeper step; the ladder is exhausted, and nothing moved.
        foreach (var escalation in pass.Escalations.Where(e => e.ToLevel is not null))
        {
            _instruments.ConcernEscalated(escalation.ToLevel, escalation.Reason.ToString());
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Escalated, now, escalation.ConcernId)
            {
                Level = escalation.ToLevel,
                Detail = escalation.Reason.ToString(),
            }, sink, cancellationToken).ConfigureAwait(false);
        }

        foreach (var offer in pass.Offers)
        {
            var level = LevelOf(offer.Entry);
            _instruments.ConcernRouted(level);
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Routed, now, offer.Entry.ConcernId)
            {
                Agent = offer.Agent,
                Level = level,
            }, sink, cancellationToken).ConfigureAwait(false);
        }

        return pass;
    }

    private sealed record HandOff(InboundOutcome Outcome, Priority Priority, CompetenceLevel? Level, AgentId? OfferedTo, RoutingExplanation? Explanation, string? State);
}
