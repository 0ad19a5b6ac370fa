using System.Globalization;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.Sop;
using NodaTime;

namespace CustomerCare;

/// <content>Due work: procedure timers, SLA warnings and breaches, offer timeouts and ladder steps.</content>
public sealed partial class ServiceDesk
{
    /// <summary>
    /// Processes everything due at <paramref name="now"/>: procedure timers (reminders, auto-close), SLA warnings and
    /// breaches (a breach escalates the concern), and a routing pass that expires offers, applies ladder timeouts and
    /// makes new offers.
    /// </summary>
    /// <param name="now">The instant to process up to, usually the clock's current instant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was done; <see cref="DueWorkResult.MoreDue"/> says whether to call again at once.</returns>
    /// <remarks>
    /// Several host instances may call this at the same time: SLA items are leased from the work queue, so each is
    /// handled by one instance, and procedure timers are idempotent (a fired timer is removed from its concern).
    /// At most <see cref="CustomerCareOptions.DueWorkBatchSize"/> timers and as many SLA items are handled per call.
    /// </remarks>
    public async Task<DueWorkResult> ProcessDueWorkAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var events = new List<ServiceDeskEvent>();
        var batch = _settings.BatchSize;

        var timers = await _snapshots.ListDueTimersAsync(now, batch, cancellationToken).ConfigureAwait(false);
        foreach (var due in timers)
        {
            await FireTimerAsync(due, events, cancellationToken).ConfigureAwait(false);
        }

        // Lease until nothing is due: handling an item late (a warning processed after the deadline) schedules the
        // clock's next item at an instant that may already have passed, and that item belongs to this call too.
        var slaItems = 0;
        var leased = 0;
        while (leased < batch)
        {
            var leases = await _workQueue.LeaseAsync(now, _owner, _settings.DueWorkLease, batch - leased, cancellationToken).ConfigureAwait(false);
            if (leases.Count == 0)
            {
                break;
            }

            leased += leases.Count;
            foreach (var lease in leases)
            {
                // Items of other kinds belong to other handlers of the same queue; give them back for a lease period.
                if (lease.Item.Kind != SlaWorkKind)
                {
                    await _workQueue.ReleaseAsync(lease, now + _settings.DueWorkLease, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await ProcessSlaItemAsync(lease.Item, events, cancellationToken).ConfigureAwait(false);
                await _workQueue.CompleteAsync(lease, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                slaItems++;
            }
        }

        var pass = await RouteAndPublishAsync(events, cancellationToken).ConfigureAwait(false);

        var result = new DueWorkResult(
            events, timers.Count, slaItems, pass.ExpiredOffers.Count, pass.Offers.Count,
            moreDue: timers.Count >= batch || leased >= batch);
        _instruments.DueWorkProcessed(result);
        Log.DueWorkProcessed(_logger, timers.Count, result.SlaItems, pass.ExpiredOffers.Count, pass.Offers.Count);
        return result;
    }

    /// <summary>Returns the earliest instant at which SLA work is due, or null when nothing is scheduled.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instant, or null.</returns>
    /// <remarks>Procedure timers and offer expiries have no such look-up; poll at least every <see cref="CustomerCareOptions.DueWorkMaxInterval"/>.</remarks>
    public async Task<Instant?> GetNextDueAsync(CancellationToken cancellationToken = default) =>
        await _workQueue.GetNextDueAsync(cancellationToken).ConfigureAwait(false);

    private async Task FireTimerAsync(DueTimer due, List<ServiceDeskEvent> events, CancellationToken cancellationToken)
    {
        var result = await _runner.FireTimerAsync(due.ConcernId, due.Timer, cancellationToken).ConfigureAwait(false);
        await ApplySlaIntentsAsync(due.ConcernId, result, null, null, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ProcedureOutcome.Applied && result.ToState == LifecycleStates.Closed)
        {
            var now = _clock.GetCurrentInstant();
            await UpdateConcernStatusAsync(due.ConcernId, c => c.Close(now), cancellationToken).ConfigureAwait(false);
            var closed = new ServiceDeskEvent(ServiceDeskEventKind.Closed, now, due.ConcernId) { Detail = due.Timer.Name };
            events.Add(closed);
            await PublishAsync(closed, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessSlaItemAsync(WorkItem item, List<ServiceDeskEvent> events, CancellationToken cancellationToken)
    {
        var parts = item.Payload.Split(' ');
        if (parts.Length != 2 || !ConcernId.TryParse(parts[0], out var concern) || !SlaTargetKind.TryParse(parts[1], out var kind))
        {
            Log.BadWorkItem(_logger, item.Key);
            return;
        }

        if (await _slaClocks.FindAsync(concern, cancellationToken).ConfigureAwait(false) is not { } record
            || BuildClocks(record).FirstOrDefault(c => c.Kind == kind) is not { } clock)
        {
            return;
        }

        // Judge the item at its own due instant: what the clock had reached then, against one tick before. An item of a
        // clock that was paused or stopped in time passes neither test and is only completed.
        var at = clock.Evaluate(item.DueAt);
        var before = clock.Evaluate(item.DueAt - Duration.Epsilon);
        if (at.State == SlaClockState.Breached && before.State != SlaClockState.Breached)
        {
            await OnSlaBreachedAsync(concern, kind, item.DueAt, events, cancellationToken).ConfigureAwait(false);
        }
        else if (at.WarningsPassed > before.WarningsPassed)
        {
            var percentage = clock.Target.WarningPercentages[at.WarningsPassed - 1];
            _instruments.SlaWarning(kind);
            var warning = new ServiceDeskEvent(ServiceDeskEventKind.SlaWarning, item.DueAt, concern)
            {
                SlaTarget = kind,
                Detail = percentage.ToString(CultureInfo.InvariantCulture),
            };
            events.Add(warning);
            await PublishAsync(warning, cancellationToken).ConfigureAwait(false);
        }

        await ScheduleSlaAsync(record, item.DueAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports a breach and escalates the concern: in the routing queue, and in its procedure when it is being worked on.</summary>
    private async Task OnSlaBreachedAsync(ConcernId concern, SlaTargetKind kind, Instant breachedAt, List<ServiceDeskEvent> events, CancellationToken cancellationToken)
    {
        _instruments.SlaBreached(kind);
        var breach = new ServiceDeskEvent(ServiceDeskEventKind.SlaBreached, breachedAt, concern) { SlaTarget = kind };
        events.Add(breach);
        await PublishAsync(breach, cancellationToken).ConfigureAwait(false);

        var note = $"SLA target '{kind.Name}' breached at {breachedAt}";
        if (await _snapshots.FindAsync(concern, cancellationToken).ConfigureAwait(false) is { } snapshot)
        {
            var fields = new Dictionary<string, string>
            {
                [LifecycleFields.CompetenceLevel] = (CurrentLevel(snapshot) + 1).ToString(CultureInfo.InvariantCulture),
                [LifecycleFields.KnowledgeGained] = note,
            };

            // Rejected when the concern is not in a working state (still triaged, resolved): then only the queue escalates.
            await FireAsync(concern, LifecycleTriggers.Escalate, Actor.System, fields, $"service-desk:sla-breach:{kind.Name}:{breachedAt.ToUnixTimeTicks()}", note, false, cancellationToken).ConfigureAwait(false);
        }

        var escalated = await _router.EscalateAsync(concern, new EscalationRequest { Reason = EscalationReason.SlaRisk, Note = note }, cancellationToken).ConfigureAwait(false);
        if (escalated.Status == QueueUpdateStatus.Escalated)
        {
            var now = _clock.GetCurrentInstant();
            _instruments.ConcernEscalated(escalated.Escalation?.ToLevel, EscalationReason.SlaRisk.ToString());
            var escalation = new ServiceDeskEvent(ServiceDeskEventKind.Escalated, now, concern)
            {
                Level = escalated.Escalation?.ToLevel,
                SlaTarget = kind,
                Detail = EscalationReason.SlaRisk.ToString(),
            };
            events.Add(escalation);
            await PublishAsync(escalation, cancellationToken).ConfigureAwait(false);
        }
    }
}
