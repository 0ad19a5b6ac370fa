using CustomerCare.Sla.Calendars;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>A fresh calendar shared by many threads builds its cached blocks once in effect and answers alike.</summary>
public partial class BusinessCalendarTests
{
    [Fact]
    public async Task Calendar_ConcurrentFirstUse_MatchesSequentialResults()
    {
        static BusinessCalendar Create() => Build("America/New_York", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("13:00-17:00"))
            .AddHours(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("22:00-06:00"))
            .AddHoliday(Holiday.Annual(new AnnualDate(7, 4), "Independence Day")));
        var starts = Enumerable.Range(0, 64).Select(i => Utc("2020-01-01T00:00:00Z") + Duration.FromHours(i * 997)).ToArray();
        var sequential = Create();
        var expected = starts.Select(start => (sequential.AddBusinessTime(start, Duration.FromHours(300)), sequential.BusinessTimeBetween(start, start + Duration.FromDays(500)))).ToArray();
        var shared = Create();

        var results = await Task.WhenAll(starts.Select(start => Task.Run(() =>
            (shared.AddBusinessTime(start, Duration.FromHours(300)), shared.BusinessTimeBetween(start, start + Duration.FromDays(500))))));

        Assert.Equal(expected, results);
    }
}
