using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.SlaTracking;
using CustomerCare.Sop;
using NodaTime;

namespace CustomerCare;

/// <content>SLA clocks: from procedure intents and replies to stored histories and scheduled due items.</content>
public sealed partial class ServiceDesk
{
    private const string SlaWorkKind = "sla";

    /// <summary>Appends the SLA clock events that an applied procedure transition records as intents.</summary>
    /// <remarks>
    /// Only applied results count: a duplicate (a retried request) returns the intents of the first write, which were
    /// appended then, so appending them again would pause or stop a clock twice.
    /// </remarks>
    private async Task ApplySlaIntentsAsync(ConcernId concern, ProcedureResult result, Priority? priority, ServiceTier? tier, CancellationToken cancellationToken)
    {
        if (_settings.SlaPolicy is null || result.Outcome != ProcedureOutcome.Applied)
        {
            return;
        }

        var at = result.Audit?.At ?? _clock.GetCurrentInstant();
        List<SlaClockEntry>? entries = null;
        foreach (var intent in result.Intents)
        {
            if (ToSlaEventKind(intent.Kind) is { } kind && intent.Parameter is { } clock && ToTargetKind(clock) is { } target)
            {
                (entries ??= []).Add(new SlaClockEntry(target, kind, at, kind == SlaEventKind.Paused ? intent.State : null));
            }
        }

        if (entries is not null)
        {
            await AppendSlaAsync(concern, entries, priority, tier, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the next-response target when a customer writes and no response target is running.</summary>
    private async Task StartNextResponseAsync(ConcernId concern, Instant now, CancellationToken cancellationToken)
    {
        if (_settings.SlaPolicy is null || await _slaClocks.FindAsync(concern, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return;
        }

        var statuses = BuildClocks(record).Select(c => c.Evaluate(now)).ToList();

        // A customer who writes twice before anyone answers waits for one response, measured from the first message.
        if (statuses.Any(s => (s.Target.Kind == SlaTargetKind.FirstResponse || s.Target.Kind == SlaTargetKind.NextResponse) && !s.IsFinished))
        {
            return;
        }

        if (_settings.SlaPolicy.FindTarget(SlaTargetKind.NextResponse, record.Priority, record.Tier) is not null)
        {
            await AppendSlaAsync(concern, [new SlaClockEntry(SlaTargetKind.NextResponse, SlaEventKind.Started, now)], null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the running response targets when an agent replies.</summary>
    private async Task StopResponsesAsync(ConcernId concern, Instant now, CancellationToken cancellationToken)
    {
        if (_settings.SlaPolicy is null || await _slaClocks.FindAsync(concern, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return;
        }

        var running = BuildClocks(record)
            .Select(c => c.Evaluate(now))
            .Where(s => (s.Target.Kind == SlaTargetKind.FirstResponse || s.Target.Kind == SlaTargetKind.NextResponse) && !s.IsFinished)
            .Select(s => new SlaClockEntry(s.Target.Kind, SlaEventKind.Stopped, now))
            .ToList();
        if (running.Count > 0)
        {
            await AppendSlaAsync(concern, running, null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AppendSlaAsync(ConcernId concern, IReadOnlyList<SlaClockEntry> entries, Priority? priority, ServiceTier? tier, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await _slaClocks.FindAsync(concern, cancellationToken).ConfigureAwait(false)
                ?? new SlaClockRecord(concern, priority ?? DerivePriority(InboundDetails.Default), tier ?? ServiceTier.Standard, []);
            foreach (var entry in entries)
            {
                record = record.Append(entry);
            }

            try
            {
                var stored = await _slaClocks.SaveAsync(record, record.Version, cancellationToken).ConfigureAwait(false);
                await ScheduleSlaAsync(stored, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                Log.SlaClocksRetried(_logger, concern, attempt);
            }
        }
    }

    /// <summary>Schedules the first warning or deadline after <paramref name="after"/> of every running clock in the work queue.</summary>
    /// <remarks>
    /// The key contains the due instant, so scheduling the same instant again changes nothing, and an item of a clock
    /// that was paused or stopped since is found stale when it falls due and completed without an event. A handled
    /// item passes its own due instant, so the next threshold is scheduled even when it has passed by now.
    /// </remarks>
    private async Task ScheduleSlaAsync(SlaClockRecord record, Instant after, CancellationToken cancellationToken)
    {
        foreach (var clock in BuildClocks(record))
        {
            if (clock.Evaluate(after).NextDueAt is { } due)
            {
                var key = $"sla:{record.ConcernId}:{clock.Kind.Name}:{due.ToUnixTimeTicks()}";
                await _workQueue.ScheduleAsync(new WorkItem(key, SlaWorkKind, due, $"{record.ConcernId} {clock.Kind.Name}"), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Instant?> FindDeadlineAsync(ConcernId concern, SlaTargetKind kind, CancellationToken cancellationToken)
    {
        if (_settings.SlaPolicy is null || await _slaClocks.FindAsync(concern, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var now = _clock.GetCurrentInstant();
        return BuildClocks(record).FirstOrDefault(c => c.Kind == kind)?.Evaluate(now).Deadline;
    }

    /// <summary>Builds one clock per target kind from a stored history, with the targets the policy selects now.</summary>
    private List<SlaClock> BuildClocks(SlaClockRecord record)
    {
        var clocks = new List<SlaClock>();
        if (_settings.SlaPolicy is not { } policy)
        {
            return clocks;
        }

        foreach (var group in record.Entries.GroupBy(e => e.Target))
        {
            if (policy.FindTarget(group.Key, record.Priority, record.Tier) is not { } target)
            {
                continue;
            }

            // A history starts with a start; a stop that came first (a reply before the clock existed) has no effect.
            var events = group
                .OrderBy(e => e.At)
                .SkipWhile(e => e.Kind != SlaEventKind.Started)
                .Select(e => ToSlaEvent(e, target))
                .ToList();
            if (events.Count > 0)
            {
                clocks.Add(new SlaClock(events));
            }
        }

        return clocks;
    }

    private static SlaEvent ToSlaEvent(SlaClockEntry entry, SlaTarget target) => entry.Kind switch
    {
        SlaEventKind.Started => SlaEvent.Started(entry.At, target),
        SlaEventKind.Paused => SlaEvent.Paused(entry.At, entry.Reason),
        SlaEventKind.Resumed => SlaEvent.Resumed(entry.At),
        SlaEventKind.Stopped => SlaEvent.Stopped(entry.At),
        SlaEventKind.Cancelled => SlaEvent.Cancelled(entry.At),
        _ => SlaEvent.TargetChanged(entry.At, target),
    };

    private static SlaEventKind? ToSlaEventKind(string intentKind) => intentKind switch
    {
        IntentKinds.StartSlaClock => SlaEventKind.Started,
        IntentKinds.PauseSlaClock => SlaEventKind.Paused,
        IntentKinds.ResumeSlaClock => SlaEventKind.Resumed,
        IntentKinds.StopSlaClock => SlaEventKind.Stopped,
        _ => null,
    };

    /// <summary>Maps a procedure's clock name to a target kind: <c>response</c> is the first response.</summary>
    private static SlaTargetKind? ToTargetKind(string clock) =>
        clock == "response" ? SlaTargetKind.FirstResponse
        : SlaTargetKind.TryParse(clock, out var kind) ? kind
        : null;
}
