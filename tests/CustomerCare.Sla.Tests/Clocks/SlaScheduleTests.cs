using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Clocks;

public class SlaScheduleTests
{
    private static readonly BusinessCalendar Office = Weekdays("Europe/Berlin", "09:00-17:00");
    private static readonly SlaTarget FirstResponse = new(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office, [50, 75, 90]);
    private static readonly SlaTarget Resolution = new(SlaTargetKind.Resolution, Duration.FromHours(8), Office);

    private static readonly SlaClock Responding = SlaClock.Start(At("2026-01-05T09:00"), FirstResponse);
    private static readonly SlaClock Resolving = SlaClock.Start(At("2026-01-05T09:30"), Resolution);
    private static readonly SlaClock Waiting = SlaClock.Start(At("2026-01-05T09:00"), Resolution).Append(SlaEvent.Paused(At("2026-01-05T09:05")));
    private static readonly SlaClock Late = SlaClock.Start(At("2026-01-02T09:00"), FirstResponse);

    [Fact]
    public void FindNextDue_EarliestWarning()
    {
        var due = SlaSchedule.FindNextDue([Resolving, Waiting, Late, Responding], At("2026-01-05T10:00"));

        Assert.NotNull(due);
        Assert.Same(Responding, due.Value.Clock);
        Assert.Equal(At("2026-01-05T11:00"), due.Value.At);
        Assert.Equal(SlaDueKind.Warning, due.Value.Kind);
        Assert.Equal(50, due.Value.WarningPercentage);
    }

    [Fact]
    public void FindNextDue_BreachAfterLastWarning()
    {
        var due = SlaSchedule.FindNextDue([Resolving, Responding], At("2026-01-05T12:40"));

        Assert.Equal(new SlaDue(Responding, At("2026-01-05T13:00"), SlaDueKind.Breach, 0), due);
    }

    [Fact]
    public void FindNextDue_BreachWithoutWarnings()
    {
        var due = SlaSchedule.FindNextDue([Resolving], At("2026-01-05T16:00"));

        Assert.Equal(new SlaDue(Resolving, At("2026-01-06T09:30"), SlaDueKind.Breach, 0), due);
    }

    [Fact]
    public void FindNextDue_NothingRunning_ReturnsNull()
    {
        Assert.Null(SlaSchedule.FindNextDue([Waiting, Late], At("2026-01-05T10:00")));
        Assert.Null(SlaSchedule.FindNextDue([], At("2026-01-05T10:00")));
    }

    [Fact]
    public void FindNextDue_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SlaSchedule.FindNextDue(null!, At("2026-01-05T10:00")));
        Assert.Throws<ArgumentException>(() => SlaSchedule.FindNextDue([Responding, null!], At("2026-01-05T10:00")));
    }

    private static Instant At(string local) => Local("Europe/Berlin", local);
}
