using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Policies;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Policies;

public class SlaTargetTests
{
    private static readonly BusinessCalendar Office = Weekdays("Europe/Berlin", "09:00-17:00");

    [Fact]
    public void Constructor_SortsWarnings()
    {
        var target = new SlaTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office, [90, 50, 75]);

        Assert.Equal([50, 75, 90], target.WarningPercentages);
        Assert.Equal(SlaTargetKind.FirstResponse, target.Kind);
        Assert.Equal(Duration.FromHours(4), target.Duration);
        Assert.Same(Office, target.Calendar);
        Assert.Empty(new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(4), Office).WarningPercentages);
    }

    [Fact]
    public void Constructor_Invalid_ListsEveryProblem()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new SlaTarget(default, -Duration.FromHours(1), Office, [100, 50, 50]));

        Assert.Equal(4, exception.Errors.Count);
        Assert.Equal("has no kind", exception.Errors[0].Problem);
        Assert.Equal("has a duration that is not positive", exception.Errors[1].Problem);
        Assert.Equal("target '' → warnings[0]", exception.Errors[2].Path);
        Assert.Equal("is outside 1 to 99 percent", exception.Errors[2].Problem);
        Assert.Equal("repeats an earlier warning", exception.Errors[3].Problem);
        Assert.Throws<ArgumentNullException>(() => new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(1), null!));
    }

    [Theory]
    [InlineData(50, 7_200_000_000_000)]
    [InlineData(75, 10_800_000_000_000)]
    [InlineData(1, 144_000_000_000)]
    public void GetWarningAmount_IsShareOfDuration(int percentage, long nanoseconds)
    {
        var target = new SlaTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office);

        Assert.Equal(Duration.FromNanoseconds(nanoseconds), target.GetWarningAmount(percentage));
    }

    [Fact]
    public void GetWarningAmount_RoundsUp()
    {
        var target = new SlaTarget(SlaTargetKind.FirstResponse, Duration.FromNanoseconds(10), Office);

        Assert.Equal(Duration.FromNanoseconds(4), target.GetWarningAmount(33));
        Assert.Throws<ArgumentOutOfRangeException>(() => target.GetWarningAmount(100));
    }

    [Fact]
    public void GetDeadline_AddsBusinessTime()
    {
        var target = new SlaTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office);

        Assert.Equal(Local("Europe/Berlin", "2026-01-12T11:00"), target.GetDeadline(Local("Europe/Berlin", "2026-01-09T15:00")));
    }

    [Fact]
    public void ToString_ShowsKindDurationCalendarAndWarnings()
    {
        Assert.Equal(
            "first-response 0:04:00:00 on test (warnings at 50, 75 %)",
            new SlaTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office, [50, 75]).ToString());
        Assert.Equal("resolution 1:16:00:00 on test", new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(40), Office).ToString());
    }
}
