using CustomerCare.Sla.Calendars;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

public class DateOverrideTests
{
    [Fact]
    public void Constructor_KeepsHoursInOrder()
    {
        var item = new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("14:00-16:00"), LocalTimeRange.Parse("09:00-12:00")], " New Year's Eve ");

        Assert.Equal([LocalTimeRange.Parse("14:00-16:00"), LocalTimeRange.Parse("09:00-12:00")], item.Hours);
        Assert.Equal("New Year's Eve", item.Name);
        Assert.Equal("2026-12-31 14:00-16:00, 09:00-12:00", item.ToString());
    }

    [Fact]
    public void Constructor_EmptyHours_ClosesDate()
    {
        var item = new DateOverride(Date("2026-12-28"), []);

        Assert.Empty(item.Hours);
        Assert.Equal("2026-12-28 closed", item.ToString());
    }

    [Fact]
    public void Equality_ComparesDateHoursAndName()
    {
        var item = new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")]);

        Assert.Equal(new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")]), item);
        Assert.True(item == new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")]));
        Assert.True(item != new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-14:00")]));
        Assert.True(item != new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")], "special"));
        Assert.Equal(item.GetHashCode(), new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")]).GetHashCode());
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new DateOverride(Date("2026-12-31"), null!));
        Assert.Throws<ArgumentException>(() => new DateOverride(Date("2026-12-31"), [], " "));
    }
}
