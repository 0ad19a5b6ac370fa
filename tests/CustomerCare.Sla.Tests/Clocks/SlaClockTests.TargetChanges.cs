using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Tests.Clocks;

/// <summary>Target changes, reopening and restarts: the clock is recomputed from its start with every pause replayed.</summary>
public partial class SlaClockTests
{
    private static readonly SlaTarget ResolutionP1 = new(SlaTargetKind.Resolution, Duration.FromHours(2), Office);
    private static readonly SlaTarget ResolutionP2 = new(SlaTargetKind.Resolution, Duration.FromHours(6), Office);
    private static readonly SlaTarget ResolutionP3 = new(SlaTargetKind.Resolution, Duration.FromHours(8), Office);

    [Fact]
    public void RaisedWhilePaused_UsedUp_BreachesAtChange()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), ResolutionP3)
            .Append(SlaEvent.Paused(At("2026-01-05T12:00")))
            .Append(SlaEvent.TargetChanged(At("2026-01-05T14:00"), ResolutionP1));

        var status = clock.Evaluate(At("2026-01-05T15:00"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2026-01-05T14:00"), status.BreachedAt);
        Assert.Equal(At("2026-01-05T11:00"), status.Deadline);
        Assert.Same(ResolutionP1, status.Target);
    }

    [Fact]
    public void PriorityRaisedWhilePaused_ReplaysPause()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), ResolutionP3)
            .Append(SlaEvent.Paused(At("2026-01-05T12:00")))
            .Append(SlaEvent.TargetChanged(At("2026-01-05T14:00"), ResolutionP2))
            .Append(SlaEvent.Resumed(At("2026-01-06T09:00")));

        var paused = clock.Evaluate(At("2026-01-05T15:00"));
        var running = clock.Evaluate(At("2026-01-06T09:30"));

        Assert.Equal(SlaClockState.Paused, paused.State);
        Assert.Equal(Duration.FromHours(3), paused.Remaining);
        Assert.Equal(SlaClockState.Running, running.State);
        Assert.Equal(Duration.FromHours(3.5), running.Elapsed);
        Assert.Equal(Duration.FromHours(2.5), running.Remaining);
        Assert.Equal(At("2026-01-06T12:00"), running.Deadline);
    }

    [Fact]
    public void PriorityLoweredAfterBreach_StaysBreached()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), ResolutionP1)
            .Append(SlaEvent.TargetChanged(At("2026-01-05T14:00"), ResolutionP3));

        var status = clock.Evaluate(At("2026-01-05T15:00"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2026-01-05T11:00"), status.BreachedAt);
        Assert.Same(ResolutionP3, status.Target);
        Assert.Equal(At("2026-01-05T17:00"), status.Deadline);
    }

    [Fact]
    public void PriorityRaisedWhileRunning_NewDeadline()
    {
        var raised = SlaClock.Start(At("2026-01-05T09:00"), ResolutionP3)
            .Append(SlaEvent.TargetChanged(At("2026-01-05T10:00"), ResolutionP1));
        var loweredInTime = raised.Append(SlaEvent.TargetChanged(At("2026-01-05T10:30"), ResolutionP3));

        Assert.Equal(At("2026-01-05T11:00"), raised.Evaluate(At("2026-01-05T10:30")).Deadline);
        Assert.Equal(SlaClockState.Breached, raised.Evaluate(At("2026-01-05T11:00")).State);
        Assert.Equal(SlaClockState.Running, loweredInTime.Evaluate(At("2026-01-05T12:00")).State);
        Assert.Equal(At("2026-01-05T17:00"), loweredInTime.Evaluate(At("2026-01-05T12:00")).Deadline);
    }

    [Fact]
    public void TargetChangedToAlwaysOpen_RecountsFromStart()
    {
        var aroundTheClock = new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(4), BusinessCalendar.AlwaysOpen(Office.Zone));
        var clock = SlaClock.Start(At("2026-01-09T16:00"), new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(4), Office))
            .Append(SlaEvent.TargetChanged(At("2026-01-09T16:30"), aroundTheClock));

        var status = clock.Evaluate(At("2026-01-09T19:00"));

        Assert.Equal(Duration.FromHours(3), status.Elapsed);
        Assert.Equal(At("2026-01-09T20:00"), status.Deadline);
    }

    [Fact]
    public void ChangedWhileStopped_BreachesOnReopen()
    {
        var stopped = SlaClock.Start(At("2026-01-05T09:00"), ResolutionP3)
            .Append(SlaEvent.Stopped(At("2026-01-05T12:00")))
            .Append(SlaEvent.TargetChanged(At("2026-01-05T13:00"), ResolutionP1));
        var reopened = stopped.Append(SlaEvent.Resumed(At("2026-01-06T10:00")));

        Assert.Equal(SlaClockState.Met, stopped.Evaluate(At("2026-01-05T15:00")).State);
        Assert.Equal(SlaClockState.Breached, reopened.Evaluate(At("2026-01-06T10:00")).State);
        Assert.Equal(At("2026-01-06T10:00"), reopened.Evaluate(At("2026-01-06T10:00")).BreachedAt);
    }

    [Fact]
    public void Reopen_ContinuesCycle()
    {
        var clock = SlaClock.Start(At("2026-01-05T09:00"), ResolutionP3)
            .Append(SlaEvent.Stopped(At("2026-01-05T12:00")))
            .Append(SlaEvent.Resumed(At("2026-01-06T09:00")));

        var met = clock.Evaluate(At("2026-01-05T15:00"));
        var reopened = clock.Evaluate(At("2026-01-06T12:00"));

        Assert.Equal(SlaClockState.Met, met.State);
        Assert.Equal(At("2026-01-05T12:00"), met.MetAt);
        Assert.Equal(SlaClockState.Running, reopened.State);
        Assert.Equal(Duration.FromHours(6), reopened.Elapsed);
        Assert.Equal(Duration.FromHours(5), reopened.PausedTime);
        Assert.Equal(At("2026-01-06T14:00"), reopened.Deadline);
        Assert.Null(reopened.MetAt);
        Assert.Equal(SlaClockState.Breached, clock.Evaluate(At("2026-01-06T14:00")).State);
    }

    [Fact]
    public void Restart_BeginsNewCycle()
    {
        var nextResponse = new SlaTarget(SlaTargetKind.NextResponse, Duration.FromHours(2), Office);
        var clock = SlaClock.Start(At("2026-01-05T09:00"), nextResponse)
            .Append(SlaEvent.Stopped(At("2026-01-05T10:00")))
            .Append(SlaEvent.Started(At("2026-01-05T13:00"), nextResponse));

        var status = clock.Evaluate(At("2026-01-05T14:00"));

        Assert.Equal(SlaClockState.Running, status.State);
        Assert.Equal(2, status.Cycle);
        Assert.Equal(At("2026-01-05T13:00"), status.StartedAt);
        Assert.Equal(Duration.FromHours(1), status.Elapsed);
        Assert.Equal(At("2026-01-05T15:00"), status.Deadline);
    }

    [Fact]
    public void Restart_AfterBreach_StaysBreached()
    {
        var nextResponse = new SlaTarget(SlaTargetKind.NextResponse, Duration.FromHours(2), Office);
        var clock = SlaClock.Start(At("2026-01-05T09:00"), nextResponse)
            .Append(SlaEvent.Started(At("2026-01-05T13:00"), nextResponse));

        var status = clock.Evaluate(At("2026-01-05T13:30"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2026-01-05T11:00"), status.BreachedAt);
        Assert.Equal(2, status.Cycle);
        Assert.Equal(Duration.FromMinutes(30), status.Elapsed);
        Assert.Null(status.NextDueAt);
    }

    [Fact]
    public void RedundantEvents_AreCountedAndIgnored()
    {
        var clock = new SlaClock(
        [
            SlaEvent.Started(At("2026-01-05T09:00"), FirstResponse),
            SlaEvent.Paused(At("2026-01-05T10:00")),
            SlaEvent.Paused(At("2026-01-05T10:30")),
            SlaEvent.Resumed(At("2026-01-05T11:00")),
            SlaEvent.Resumed(At("2026-01-05T11:15")),
            SlaEvent.Cancelled(At("2026-01-05T12:00")),
            SlaEvent.Resumed(At("2026-01-05T12:30")),
            SlaEvent.Started(At("2026-01-05T12:45"), FirstResponse),
        ]);

        var status = clock.Evaluate(At("2026-01-05T15:00"));

        Assert.Equal(SlaClockState.Cancelled, status.State);
        Assert.Equal(4, status.IgnoredEvents);
        Assert.Equal(Duration.FromHours(2), status.Elapsed);
        Assert.Equal(1, status.Cycle);
    }

    [Fact]
    public void Constructor_InvalidHistory_NamesEvent()
    {
        var start = SlaEvent.Started(At("2026-01-05T09:00"), FirstResponse);

        Assert.Contains("is empty", Assert.Throws<ArgumentException>(() => new SlaClock([])).Message, StringComparison.Ordinal);
        Assert.Contains("Event 0 is Paused at", Assert.Throws<ArgumentException>(() => new SlaClock([SlaEvent.Paused(At("2026-01-05T09:00"))])).Message, StringComparison.Ordinal);
        Assert.Contains("Event 1 is default(SlaEvent)", Assert.Throws<ArgumentException>(() => new SlaClock([start, default])).Message, StringComparison.Ordinal);
        Assert.Contains(
            "Event 1 (Paused at 2026-01-05T07:00:00Z) is earlier than event 0",
            Assert.Throws<ArgumentException>(() => new SlaClock([start, SlaEvent.Paused(At("2026-01-05T08:00"))])).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "has a resolution target, but the clock measures first-response",
            Assert.Throws<ArgumentException>(() => new SlaClock([start, SlaEvent.TargetChanged(At("2026-01-05T10:00"), ResolutionP1)])).Message,
            StringComparison.Ordinal);
        Assert.Equal("item", Assert.Throws<ArgumentException>(() => SlaClock.Start(At("2026-01-05T09:00"), FirstResponse).Append(default)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new SlaClock(null!));
    }

    [Fact]
    public void SlaEvent_Factories_SetParts()
    {
        var paused = SlaEvent.Paused(At("2026-01-05T10:00"), " waiting-for-customer ");

        Assert.Equal(SlaEventKind.Paused, paused.Kind);
        Assert.Equal("waiting-for-customer", paused.Reason);
        Assert.Null(paused.Target);
        Assert.Equal(SlaEventKind.TargetChanged, SlaEvent.TargetChanged(At("2026-01-05T10:00"), ResolutionP1).Kind);
        Assert.Equal(SlaEventKind.Stopped, SlaEvent.Stopped(At("2026-01-05T10:00")).Kind);
        Assert.Equal(SlaEventKind.Cancelled, SlaEvent.Cancelled(At("2026-01-05T10:00")).Kind);
        Assert.Equal(SlaEventKind.Resumed, SlaEvent.Resumed(At("2026-01-05T10:00")).Kind);
        Assert.Equal(SlaEvent.Resumed(At("2026-01-05T10:00")), SlaEvent.Resumed(At("2026-01-05T10:00")));
        Assert.Throws<ArgumentException>(() => SlaEvent.Paused(At("2026-01-05T10:00"), " "));
        Assert.Throws<ArgumentNullException>(() => SlaEvent.Started(At("2026-01-05T10:00"), null!));
        Assert.Throws<ArgumentNullException>(() => SlaEvent.TargetChanged(At("2026-01-05T10:00"), null!));
    }
}
