using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using NodaTime;

namespace CustomerCare.Tests.Reachability;

public class ChannelReachabilityTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Fact]
    public void Analyze_PhoneOnlyOfficeHours_NamesEveryGap()
    {
        var phone = new BusinessCalendarBuilder("phone", Berlin)
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-18:00"))
            .Build();

        var report = ChannelReachability.Analyze(new Dictionary<Channel, IBusinessCalendar> { [Channel.Phone] = phone }, Berlin, new LocalDate(2026, 1, 5));

        Assert.False(report.IsAlwaysReachable);
        Assert.Equal(6, report.Gaps.Count);
        Assert.Equal("Monday 2026-01-05 00:00 to Monday 2026-01-05 08:00", report.Gaps[0].ToString());
        Assert.Equal("Friday 2026-01-09 18:00 to Monday 2026-01-12 00:00", report.Gaps[5].ToString());
        Assert.Equal(Duration.FromHours(54), report.Gaps[5].Length);
        Assert.Equal(Duration.FromHours(50), Assert.Single(report.Channels).Open);
    }

    [Fact]
    public void Analyze_EmailAlwaysOpen_NoGap()
    {
        var hours = new Dictionary<Channel, IBusinessCalendar>
        {
            [Channel.Phone] = new BusinessCalendarBuilder("phone", Berlin).AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-18:00")).Build(),
            [Channel.Email] = BusinessCalendar.AlwaysOpen(Berlin),
        };

        var report = ChannelReachability.Analyze(hours, Berlin, new LocalDate(2026, 1, 5));

        Assert.True(report.IsAlwaysReachable);
        Assert.Equal(Duration.FromDays(7), report.End - report.Start);
        Assert.Equal(Duration.FromDays(7), report.Channels[1].Open);
    }

    [Theory]
    [InlineData(2026, 3, 23, 167, 6)] // 29 March: 02:00-03:00 does not exist, so Sunday has no gap
    [InlineData(2026, 10, 19, 169, 7)] // 25 October: 02:00-03:00 happens twice; the calendar closes at the later 02:00, so the gap is one hour
    [InlineData(2026, 1, 5, 168, 7)]
    public void Analyze_ClosedFromTwoToThree_GapsFollowDaylightSaving(int year, int month, int day, int weekHours, int gapCount)
    {
        var hours = new BusinessCalendarBuilder("night-break", Berlin)
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, LocalTimeRange.Parse("00:00-02:00"))
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, LocalTimeRange.Parse("03:00-24:00"))
            .Build();

        var report = ChannelReachability.Analyze(new Dictionary<Channel, IBusinessCalendar> { [Channel.Web] = hours }, Berlin, new LocalDate(year, month, day));

        Assert.Equal(Duration.FromHours(weekHours), report.End - report.Start);
        Assert.Equal(gapCount, report.Gaps.Count);
        Assert.All(report.Gaps, g => Assert.Equal(new LocalTime(2, 0), g.LocalStart.TimeOfDay));
        var sunday = report.Gaps.Where(g => g.LocalStart.DayOfWeek == IsoDayOfWeek.Sunday).ToList();
        if (month == 10)
        {
            var gap = Assert.Single(sunday);
            Assert.Equal(Duration.FromHours(1), gap.Length);
            Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 0), gap.Start);
        }
        else if (month == 3)
        {
            Assert.Empty(sunday);
        }
    }

    [Fact]
    public void Analyze_BadInput_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChannelReachability.Analyze(null!, Berlin, new LocalDate(2026, 1, 5)));
        Assert.Throws<ArgumentNullException>(() => ChannelReachability.Analyze(new Dictionary<Channel, IBusinessCalendar>(), null!, new LocalDate(2026, 1, 5)));
    }
}
