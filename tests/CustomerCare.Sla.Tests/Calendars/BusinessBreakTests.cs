using CustomerCare.Sla.Calendars;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

public class BusinessBreakTests
{
    [Fact]
    public void Constructor_KeepsParts()
    {
        var pause = new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00"), " staff meeting ");

        Assert.Equal(Date("2026-06-12"), pause.Date);
        Assert.Equal(LocalTimeRange.Parse("12:00-14:00"), pause.Hours);
        Assert.Equal("staff meeting", pause.Reason);
        Assert.Equal("2026-06-12 12:00-14:00", pause.ToString());
    }

    [Fact]
    public void Equality_ComparesDateHoursAndReason()
    {
        var pause = new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00"));

        Assert.Equal(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00")), pause);
        Assert.True(pause == new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00")));
        Assert.True(pause != new BusinessBreak(Date("2026-06-13"), LocalTimeRange.Parse("12:00-14:00")));
        Assert.True(pause != new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00"), "lunch"));
        Assert.Equal(pause.GetHashCode(), new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00")).GetHashCode());
    }

    [Fact]
    public void Reason_Blank_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00"), ""));
    }
}
