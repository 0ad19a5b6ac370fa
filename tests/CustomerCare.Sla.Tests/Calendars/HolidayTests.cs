using CustomerCare.Sla.Calendars;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

public class HolidayTests
{
    [Theory]
    [InlineData("2026-12-25", true)]
    [InlineData("2030-12-25", true)]
    [InlineData("2026-12-24", false)]
    public void FallsOn_Annual_MatchesMonthAndDay(string date, bool expected)
    {
        var holiday = Holiday.Annual(new AnnualDate(12, 25), "Christmas Day");

        Assert.Equal(expected, holiday.FallsOn(Date(date)));
        Assert.True(holiday.IsAnnual);
        Assert.Null(holiday.Date);
    }

    [Fact]
    public void FallsOn_LeapDay_OnlyInLeapYears()
    {
        var holiday = Holiday.Annual(new AnnualDate(2, 29));

        Assert.True(holiday.FallsOn(Date("2028-02-29")));
        Assert.False(holiday.FallsOn(Date("2027-02-28")));
        Assert.False(holiday.FallsOn(Date("2027-03-01")));
    }

    [Fact]
    public void OnDate_MatchesOneDateOnly()
    {
        var holiday = Holiday.OnDate(Date("2026-12-24"), " Christmas Eve ");

        Assert.True(holiday.FallsOn(Date("2026-12-24")));
        Assert.False(holiday.FallsOn(Date("2027-12-24")));
        Assert.Equal("Christmas Eve", holiday.Name);
        Assert.False(holiday.IsAnnual);
        Assert.True(holiday.IsActive);
    }

    [Fact]
    public void WithActive_CopiesOrReturnsSame()
    {
        var holiday = Holiday.OnDate(Date("2026-10-31"), "Reformation Day");

        var inactive = holiday.WithActive(false);

        Assert.False(inactive.IsActive);
        Assert.Equal("Reformation Day", inactive.Name);
        Assert.Same(holiday, holiday.WithActive(true));
        Assert.NotEqual(holiday, inactive);
    }

    [Fact]
    public void Equality_ComparesAllParts()
    {
        Assert.Equal(Holiday.OnDate(Date("2026-12-24"), "Eve"), Holiday.OnDate(Date("2026-12-24"), "Eve"));
        Assert.True(Holiday.OnDate(Date("2026-12-24"), "Eve") == Holiday.OnDate(Date("2026-12-24"), "Eve"));
        Assert.True(Holiday.OnDate(Date("2026-12-24"), "Eve") != Holiday.OnDate(Date("2026-12-24")));
        Assert.True(Holiday.OnDate(Date("2026-12-24")) != Holiday.Annual(new AnnualDate(12, 24)));
        Assert.False(Holiday.OnDate(Date("2026-12-24")) == null);
        Assert.Equal(Holiday.OnDate(Date("2026-12-24"), "Eve").GetHashCode(), Holiday.OnDate(Date("2026-12-24"), "Eve").GetHashCode());
    }

    [Fact]
    public void ToString_ShowsDateNameAndActivity()
    {
        Assert.Equal("2026-12-24 Christmas Eve", Holiday.OnDate(Date("2026-12-24"), "Christmas Eve").ToString());
        Assert.Equal("every 12-25 (inactive)", Holiday.Annual(new AnnualDate(12, 25), isActive: false).ToString());
    }

    [Fact]
    public void Name_Blank_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Holiday.OnDate(Date("2026-12-24"), " "));

        Assert.Equal("name", exception.ParamName);
        Assert.Throws<ArgumentException>(() => Holiday.Annual(new AnnualDate(12, 24), ""));
    }
}
