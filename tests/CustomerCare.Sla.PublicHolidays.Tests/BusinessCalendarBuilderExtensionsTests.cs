using CustomerCare.Sla.Calendars;
using NodaTime;

namespace CustomerCare.Sla.PublicHolidays.Tests;

public class BusinessCalendarBuilderExtensionsTests
{
    [Fact]
    public void AddPublicHolidays_ClosesActiveHolidaysOnly()
    {
        var calendar = new BusinessCalendarBuilder("munich", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-17:00"))
            .AddPublicHolidays("DE-BY", 2026, 2026, options => options.Deactivate("Assumption").Deactivate("CorpusChristi"))
            .Build();

        Assert.True(calendar.IsHoliday(new LocalDate(2026, 1, 6)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 1, 6)));
        Assert.False(calendar.IsHoliday(new LocalDate(2026, 6, 4)));
        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 6, 4)));
        Assert.Equal(13, calendar.Holidays.Count);
    }

    [Fact]
    public void AddPublicHolidays_RoundTripsThroughJson()
    {
        var calendar = new BusinessCalendarBuilder("munich", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-17:00"))
            .AddPublicHolidays("DE-BY", 2026, 2027, options => options.Deactivate("CorpusChristi"))
            .Build();

        var again = BusinessCalendarJson.Parse(BusinessCalendarJson.Serialize(calendar));

        Assert.Equal(calendar.Holidays, again.Holidays);
    }

    [Fact]
    public void AddPublicHolidays_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BusinessCalendarBuilderExtensions.AddPublicHolidays(null!, "DE", 2026, 2026));
    }
}
