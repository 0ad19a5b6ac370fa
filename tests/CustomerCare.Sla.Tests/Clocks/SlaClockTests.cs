using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Clocks;

/// <summary>SLA clock scenarios on an office open Monday to Friday 09:00-17:00 in Europe/Berlin, in January 2026.</summary>
public partial class SlaClockTests
{
    private static readonly BusinessCalendar Office = Weekdays("Europe/Berlin", "09:00-17:00");
    private static readonly SlaTarget FirstResponse = new(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office, [50, 75, 90]);

    [Fact]
    public void Evaluate_Running_ReportsTimesAndNextWarning()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse);

        var status = clock.Evaluate(At("2026-01-05T10:00"));

        Assert.Equal(SlaClockState.Running, status.State);
        Assert.Same(FirstResponse, status.Target);
        Assert.Equal(At("2026-01-05T09:00"), status.StartedAt);
        Assert.Equal(At("2026-01-05T10:00"), status.EvaluatedAt);
        Assert.Equal(1, status.Cycle);
        Assert.Equal(Duration.FromHours(1), status.Elapsed);
        Assert.Equal(Duration.FromHours(3), status.Remaining);
        Assert.Equal(Duration.Zero, status.PausedTime);
        Assert.Equal(At("2026-01-05T13:00"), status.Deadline);
        Assert.Equal(0, status.WarningsPassed);
        Assert.Equal(At("2026-01-05T11:00"), status.NextWarningAt);
        Assert.Equal(At("2026-01-05T11:00"), status.NextDueAt);
        Assert.Null(status.BreachedAt);
        Assert.Null(status.MetAt);
        Assert.False(status.IsFinished);
    }

    [Theory]
    [InlineData("2026-01-05T10:59", 0, "2026-01-05T11:00")]
    [InlineData("2026-01-05T11:00", 1, "2026-01-05T12:00")] // a threshold counts as passed at its instant
    [InlineData("2026-01-05T12:00", 2, "2026-01-05T12:36")]
    [InlineData("2026-01-05T12:40", 3, null)]
    public void Evaluate_Warnings_CountPassedThresholds(string now, int passed, string? next)
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse);

        var status = clock.Evaluate(At(now));

        Assert.Equal(passed, status.WarningsPassed);
        Assert.Equal(next is null ? null : At(next), status.NextWarningAt);
        Assert.Equal(next is null ? At("2026-01-05T13:00") : At(next), status.NextDueAt);
    }

    [Fact]
    public void PauseOverNight_RemovesOnlyBusinessHours()
    {
        var clock = SlaClock.Start(At("2026-01-05T15:00"), FirstResponse)
            .Append(SlaEvent.Paused(At("2026-01-05T16:00"), "waiting-for-customer"));

        var paused = clock.Evaluate(At("2026-01-06T09:30"));
        var resumed = clock.Append(SlaEvent.Resumed(At("2026-01-06T10:00"))).Evaluate(At("2026-01-06T11:00"));

        Assert.Equal(SlaClockState.Paused, paused.State);
        Assert.Equal(At("2026-01-05T16:00"), paused.PausedSince);
        Assert.Equal("waiting-for-customer", paused.PauseReason);
        Assert.Equal(Duration.FromHours(1), paused.Elapsed);
        Assert.Equal(Duration.FromHours(1.5), paused.PausedTime);
        Assert.Null(paused.Deadline);
        Assert.Null(paused.NextDueAt);
        Assert.Equal(SlaClockState.Running, resumed.State);
        Assert.Equal(Duration.FromHours(2), resumed.Elapsed);
        Assert.Equal(Duration.FromHours(2), resumed.PausedTime);
        Assert.Equal(At("2026-01-06T13:00"), resumed.Deadline);
        Assert.Null(resumed.PausedSince);
        Assert.Null(resumed.PauseReason);
    }

    [Fact]
    public void PauseOverWeekend_MovesDeadlineByBusinessTime()
    {
        var unpaused = SlaClock.Start(At("2026-01-09T14:00"), FirstResponse);
        var paused = unpaused
            .Append(SlaEvent.Paused(At("2026-01-09T16:00")))
            .Append(SlaEvent.Resumed(At("2026-01-12T11:00")));

        Assert.Equal(At("2026-01-12T10:00"), unpaused.Evaluate(At("2026-01-09T14:00")).Deadline);
        Assert.Equal(At("2026-01-12T13:00"), paused.Evaluate(At("2026-01-12T11:00")).Deadline);
        Assert.Equal(Duration.FromHours(2), paused.Evaluate(At("2026-01-12T11:00")).Elapsed);
    }

    [Fact]
    public void BreachDuringPause_IsImpossible()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse)
            .Append(SlaEvent.Paused(At("2026-01-05T12:59")));

        var paused = clock.Evaluate(At("2026-01-07T10:00"));
        var resumed = clock.Append(SlaEvent.Resumed(At("2026-01-07T10:00")));

        Assert.Equal(SlaClockState.Paused, paused.State);
        Assert.Equal(Duration.FromMinutes(1), paused.Remaining);
        Assert.Null(paused.BreachedAt);
        Assert.Equal(At("2026-01-07T10:01"), resumed.Evaluate(At("2026-01-07T10:00")).NextDueAt);
        Assert.Equal(SlaClockState.Running, resumed.Evaluate(At("2026-01-07T10:00:59")).State);
        Assert.Equal(SlaClockState.Breached, resumed.Evaluate(At("2026-01-07T10:01")).State);
        Assert.Equal(At("2026-01-07T10:01"), resumed.Evaluate(At("2026-01-07T10:01")).BreachedAt);
    }

    [Fact]
    public void StopBeforeDeadline_IsMet()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse).Append(SlaEvent.Stopped(At("2026-01-05T12:59")));

        var status = clock.Evaluate(At("2026-01-05T15:00"));

        Assert.Equal(SlaClockState.Met, status.State);
        Assert.Equal(At("2026-01-05T12:59"), status.MetAt);
        Assert.Equal(Duration.FromMinutes(1), status.Remaining);
        Assert.Null(status.Deadline);
        Assert.Null(status.NextDueAt);
        Assert.True(status.IsFinished);
    }

    [Fact]
    public void StopAtDeadline_IsBreached()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse).Append(SlaEvent.Stopped(At("2026-01-05T13:00")));

        var status = clock.Evaluate(At("2026-01-05T15:00"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2026-01-05T13:00"), status.BreachedAt);
        Assert.Null(status.MetAt);
    }

    [Fact]
    public void StopAfterDeadlineOnClosing_IsBreached()
    {
        // The deadline lands on the closing at 17:00; a reply in the evening is late even without more business time.
        var clock = SlaClock.Start(At("2026-01-05T13:00"), FirstResponse).Append(SlaEvent.Stopped(At("2026-01-05T19:00")));

        var status = clock.Evaluate(At("2026-01-05T19:00"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2026-01-05T17:00"), status.BreachedAt);
        Assert.Equal(Duration.FromHours(4), status.Elapsed);
    }

    [Fact]
    public void Breach_IsFinal()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse);

        var breached = clock.Evaluate(At("2026-01-05T14:00"));
        var resolved = clock.Append(SlaEvent.Stopped(At("2026-01-05T15:00"))).Evaluate(At("2026-01-06T09:00"));
        var cancelled = clock.Append(SlaEvent.Stopped(At("2026-01-05T15:00"))).Append(SlaEvent.Cancelled(At("2026-01-06T09:00"))).Evaluate(At("2026-01-06T10:00"));

        Assert.Equal(SlaClockState.Breached, breached.State);
        Assert.Equal(At("2026-01-05T13:00"), breached.BreachedAt);
        Assert.Equal(At("2026-01-05T13:00"), breached.Deadline);
        Assert.Equal(Duration.Zero, breached.Remaining);
        Assert.Equal(Duration.FromHours(5), breached.Elapsed);
        Assert.Null(breached.NextDueAt);
        Assert.Equal(SlaClockState.Breached, resolved.State);
        Assert.Equal(SlaClockState.Breached, cancelled.State);
    }

    [Fact]
    public void CancelBeforeBreach_IsCancelled()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse).Append(SlaEvent.Cancelled(At("2026-01-05T10:00")));

        var status = clock.Evaluate(At("2026-01-05T15:00"));

        Assert.Equal(SlaClockState.Cancelled, status.State);
        Assert.Equal(Duration.FromHours(1), status.Elapsed);
        Assert.Null(status.Deadline);
        Assert.Null(status.NextDueAt);
        Assert.True(status.IsFinished);
    }

    [Fact]
    public void Evaluate_BeforeLastEvent_UsesEarlierEventsOnly()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse)
            .Append(SlaEvent.Paused(At("2026-01-05T10:00")))
            .Append(SlaEvent.Resumed(At("2026-01-05T11:00")));

        var status = clock.Evaluate(At("2026-01-05T10:30"));

        Assert.Equal(SlaClockState.Paused, status.State);
        Assert.Equal(Duration.FromHours(1), status.Elapsed);
        Assert.Equal(SlaClockState.Running, clock.Evaluate(At("2026-01-05T11:00")).State);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Evaluate(At("2026-01-05T08:00")));
    }

    [Fact]
    public void AlwaysOpenTarget_CountsElapsedTimeAcrossDst()
    {
        var target = new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(4), BusinessCalendar.AlwaysOpen(Zone("Europe/Berlin")));
        var clock = SlaClock.Start(Local("Europe/Berlin", "2026-03-28T23:30"), target);

        var status = clock.Evaluate(Local("Europe/Berlin", "2026-03-29T04:00"));

        // 23:30+01:00 to 04:00+02:00 is 3.5 elapsed hours although the wall clock moved 4.5.
        Assert.Equal(Duration.FromHours(3.5), status.Elapsed);
        Assert.Equal(Local("Europe/Berlin", "2026-03-29T04:30"), status.Deadline);
    }

    [Fact]
    public void Append_KeepsOriginalClock()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse);

        var paused = clock.Append(SlaEvent.Paused(At("2026-01-05T10:00"), "waiting-for-customer"));

        Assert.Single(clock.History);
        Assert.Equal(2, paused.History.Count);
        Assert.Equal(SlaEventKind.Paused, paused.History[1].Kind);
        Assert.Equal(SlaTargetKind.FirstResponse, paused.Kind);
        Assert.Same(FirstResponse, paused.Target);
        Assert.StartsWith("first-response clock, last Paused at 2026-01-05T09:00:00Z (waiting-for-customer)", paused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ConcurrentCallers_SameStatus()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse)
            .Append(SlaEvent.Paused(At("2026-01-05T10:00")))
            .Append(SlaEvent.Resumed(At("2026-01-06T09:00")));
        var instants = Enumerable.Range(0, 200).Select(i => At("2026-01-05T09:00") + Duration.FromMinutes(i * 17)).ToArray();
        var expected = instants.Select(clock.Evaluate).ToArray();

        var results = await Task.WhenAll(instants.Select(instant => Task.Run(() => clock.Evaluate(instant))));

        Assert.Equal(expected, results);
    }

    private static Instant At(string local) => Local("Europe/Berlin", local);
}
