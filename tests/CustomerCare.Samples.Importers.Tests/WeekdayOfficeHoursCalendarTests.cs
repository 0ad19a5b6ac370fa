using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerCare.Samples.Importers.Tests;

public class WeekdayOfficeHoursCalendarTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Theory]
    [InlineData("2026-03-06T16:00:00Z", "2026-03-09T10:00:00Z", "UTC", 2)]
    // Friday 09:00 CET to Monday 10:00 CEST across the spring change: 8 hours on Friday and 1 on Monday.
    [InlineData("2026-03-27T08:00:00Z", "2026-03-30T08:00:00Z", "Europe/Berlin", 9)]
    [InlineData("2026-03-28T00:00:00Z", "2026-03-29T23:00:00Z", "Europe/Berlin", 0)]
    [InlineData("2026-03-02T09:00:00Z", "2026-03-16T09:00:00Z", "UTC", 80)]
    public void BusinessTimeBetween_KnownSpans(string start, string finish, string zone, double hours)
    {
        var calendar = new WeekdayOfficeHoursCalendar(DateTimeZoneProviders.Tzdb[zone]);

        var business = calendar.BusinessTimeBetween(NodaTime.Text.InstantPattern.General.Parse(start).Value, NodaTime.Text.InstantPattern.General.Parse(finish).Value);

        Assert.Equal(Duration.FromHours(hours), business);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property BusinessTimeBetween_AgreesWithMinuteWalk()
    {
        var calendar = new WeekdayOfficeHoursCalendar(Berlin);
        var origin = Instant.FromUtc(2026, 3, 20, 0, 0);
        var minutes = Gen.Choose(0, 60 * 24 * 20);
        return Prop.ForAll(minutes.ToArbitrary(), minutes.ToArbitrary(), (a, b) =>
        {
            var start = origin.Plus(Duration.FromMinutes(Math.Min(a, b)));
            var finish = origin.Plus(Duration.FromMinutes(Math.Max(a, b)));
            long expected = 0;
            for (var t = start; t < finish; t = t.Plus(Duration.FromMinutes(1)))
            {
                expected += calendar.IsBusinessTime(t) ? 1 : 0;
            }

            return calendar.BusinessTimeBetween(start, finish) == Duration.FromMinutes(expected)
                && calendar.BusinessTimeBetween(finish, start) == -Duration.FromMinutes(expected);
        });
    }
}
