using CustomerCare.Sla.Calendars;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>Daylight-saving days: gaps, overlaps and days without a local midnight, in elapsed time.</summary>
public partial class BusinessCalendarTests
{
    [Theory]
    // Europe/Berlin springs forward at 02:00 to 03:00 on 2026-03-29 and falls back at 03:00 to 02:00 on 2026-10-25.
    [InlineData("Europe/Berlin", "2026-03-29", "01:00-03:00", 60)]
    [InlineData("Europe/Berlin", "2026-10-25", "01:00-03:00", 180)]
    [InlineData("Europe/Berlin", "2026-03-29", "02:30-10:00", 390)] // the opening moves forward to 03:30+02:00
    [InlineData("Europe/Berlin", "2026-03-29", "00:00-02:30", 150)] // the closing moves forward to 03:30+02:00
    [InlineData("Europe/Berlin", "2026-03-29", "02:15-02:45", 30)] // both move forward by the gap
    [InlineData("Europe/Berlin", "2026-03-29", "02:30-03:00", 0)] // 03:30+02:00 to 03:00+02:00 is empty and dropped
    [InlineData("Europe/Berlin", "2026-10-25", "02:30-04:00", 150)] // an ambiguous opening takes the earlier 02:30
    [InlineData("Europe/Berlin", "2026-10-25", "01:00-02:30", 150)] // an ambiguous closing takes the later 02:30
    [InlineData("Europe/Berlin", "2026-10-25", "02:00-03:00", 120)] // the repeated hour counts twice
    [InlineData("Europe/Berlin", "2026-03-28", "22:00-06:00", 420)] // overnight into the spring-forward night
    [InlineData("Europe/Berlin", "2026-10-24", "22:00-06:00", 540)] // overnight into the fall-back night
    // America/New_York: 02:00 to 03:00 on 2026-03-08, 02:00 to 01:00 on 2026-11-01.
    [InlineData("America/New_York", "2026-03-08", "00:00-08:00", 420)]
    [InlineData("America/New_York", "2026-11-01", "00:00-08:00", 540)]
    // America/Sao_Paulo moved from 00:00 to 01:00 on 2018-11-04, a day without midnight, and from 24:00 back to 23:00
    // on 2019-02-16.
    [InlineData("America/Sao_Paulo", "2018-11-04", "00:00-24:00", 1380)]
    [InlineData("America/Sao_Paulo", "2018-11-04", "00:00-00:30", 30)] // opens at 01:00-02:00, closes at 01:30-02:00
    [InlineData("America/Sao_Paulo", "2018-11-03", "20:00-04:00", 420)] // overnight into the day without midnight
    [InlineData("America/Sao_Paulo", "2019-02-16", "22:00-24:00", 180)] // 23:00-24:00 happens twice
    // Asia/Tehran moved from 00:00 to 01:00 on 2022-03-22 and from 24:00 back to 23:00 on 2022-09-21.
    [InlineData("Asia/Tehran", "2022-03-22", "00:00-06:00", 300)]
    [InlineData("Asia/Tehran", "2022-09-21", "20:00-24:00", 300)]
    // Australia/Sydney falls back from 03:00 to 02:00 on 2026-04-05 and springs forward from 02:00 to 03:00 on 2026-10-04.
    [InlineData("Australia/Sydney", "2026-04-05", "00:00-06:00", 420)]
    [InlineData("Australia/Sydney", "2026-10-04", "00:00-06:00", 300)]
    public void BusinessTimeBetween_DstDay_IsElapsedTime(string zone, string date, string hours, int minutes)
    {
        var day = Date(date);
        var calendar = Build(zone, builder => builder.AddHours(day.DayOfWeek, LocalTimeRange.Parse(hours)));
        var from = Zone(zone).AtStartOfDay(day.PlusDays(-1)).ToInstant();
        var to = Zone(zone).AtStartOfDay(day.PlusDays(3)).ToInstant();

        var total = calendar.BusinessTimeBetween(from, to);

        Assert.Equal(Duration.FromMinutes(minutes), total);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", "02:30-03:00", false)]
    [InlineData("Europe/Berlin", "2026-03-29", "02:15-02:45", true)]
    [InlineData("America/Sao_Paulo", "2018-11-04", "00:00-00:30", true)]
    [InlineData("Asia/Tehran", "2022-03-22", "00:00-00:30", true)]
    public void IsBusinessDay_HoursInGap_FollowMappedSpans(string zone, string date, string hours, bool expected)
    {
        var day = Date(date);
        var calendar = Build(zone, builder => builder.AddHours(day.DayOfWeek, LocalTimeRange.Parse(hours)));

        Assert.Equal(expected, calendar.IsBusinessDay(day));
    }

    [Fact]
    public void IsBusinessDay_FoldAcrossMidnight_CountsRepeatedEvening()
    {
        // In 2000 St. John's set its clocks back from Sunday 00:01 to Saturday 23:01. Sunday's shift from 00:00 runs
        // while the clocks read Saturday 23:01-23:59 for the second time, so Saturday holds business time too.
        var calendar = Build("America/St_Johns", builder => builder.AddHours(IsoDayOfWeek.Sunday, LocalTimeRange.Parse("00:00-01:30")));

        Assert.True(calendar.IsBusinessDay(Date("2000-10-28")));
        Assert.True(calendar.IsBusinessDay(Date("2000-10-29")));
        Assert.False(calendar.IsBusinessDay(Date("2000-10-27")));
    }

    [Fact]
    public void IsBusinessTime_SpringForwardGap_OpensAfterShift()
    {
        var calendar = Build("Europe/Berlin", builder => builder.AddHours(IsoDayOfWeek.Sunday, LocalTimeRange.Parse("02:30-10:00")));

        Assert.False(calendar.IsBusinessTime(Utc("2026-03-29T01:29:59Z")));
        Assert.True(calendar.IsBusinessTime(Utc("2026-03-29T01:30:00Z")));
        Assert.Equal(Utc("2026-03-29T01:30:00Z"), calendar.NextBusinessInstant(Utc("2026-03-28T12:00:00Z")));
    }

    [Fact]
    public void IsBusinessTime_RepeatedHour_CoversBothOccurrences()
    {
        var calendar = Build("America/Sao_Paulo", builder => builder.AddHours(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("23:15-23:45")));

        // 23:15-23:45 on 2019-02-16 happens at 01:15-01:45Z (-02:00) and again at 02:15-02:45Z (-03:00). The earlier
        // opening and the later closing make one span that also covers 01:45-02:15Z.
        Assert.True(calendar.IsBusinessTime(Utc("2019-02-17T01:15:00Z")));
        Assert.True(calendar.IsBusinessTime(Utc("2019-02-17T02:00:00Z")));
        Assert.True(calendar.IsBusinessTime(Utc("2019-02-17T02:44:00Z")));
        Assert.False(calendar.IsBusinessTime(Utc("2019-02-17T02:45:00Z")));
        Assert.Equal(Duration.FromMinutes(90), calendar.BusinessTimeBetween(Utc("2019-02-16T00:00:00Z"), Utc("2019-02-18T00:00:00Z")));
    }

    [Fact]
    public void AddBusinessTime_AcrossSpringForwardWeekend_KeepsLocalHours()
    {
        var calendar = Weekdays("America/New_York", "09:00-17:00");

        var result = calendar.AddBusinessTime(Local("America/New_York", "2026-03-06T16:00"), Duration.FromHours(2));

        Assert.Equal(Local("America/New_York", "2026-03-09T10:00"), result);
        Assert.Equal(Utc("2026-03-09T14:00:00Z"), result);
    }

    [Fact]
    public void AddBusinessTime_AlwaysOpenAcrossGap_AddsElapsedTime()
    {
        var calendar = EveryDay("Europe/Berlin", "00:00-24:00");

        var result = calendar.AddBusinessTime(Local("Europe/Berlin", "2026-03-28T23:00"), Duration.FromHours(4));

        // Four elapsed hours after 23:00+01:00 is 04:00+02:00: the wall clock moves five hours.
        Assert.Equal(Local("Europe/Berlin", "2026-03-29T04:00"), result);
    }

    [Fact]
    public void AddBusinessDays_LocalTimeInGap_MovesForward()
    {
        var calendar = EveryDay("Europe/Berlin", "09:00-17:00");

        var result = calendar.AddBusinessDays(Local("Europe/Berlin", "2026-03-28T02:30"), 1);

        Assert.Equal(Local("Europe/Berlin", "2026-03-29T03:30"), result);
    }

    [Fact]
    public void AddBusinessDays_AmbiguousLocalTime_TakesEarlier()
    {
        var calendar = EveryDay("Europe/Berlin", "09:00-17:00");

        var result = calendar.AddBusinessDays(Local("Europe/Berlin", "2026-10-24T02:30"), 1);

        Assert.Equal(Utc("2026-10-25T00:30:00Z"), result);
    }

    [Fact]
    public void AddBusinessDays_GapBeforeMidnight_MovesIntoNextDate()
    {
        // America/Nuuk moves from 23:00 to 24:00 on Saturday 2026-03-28, so 23:30 that evening does not exist and
        // moves forward by the one-hour gap to 00:30 on Sunday.
        var calendar = EveryDay("America/Nuuk", "09:00-17:00");

        var result = calendar.AddBusinessDays(Local("America/Nuuk", "2026-03-27T23:30"), 1);

        Assert.Equal(Utc("2026-03-29T01:30:00Z"), result);
        Assert.Equal(Date("2026-03-29"), result.InZone(calendar.Zone).Date);
    }

    [Fact]
    public void AddBusinessDays_DayWithoutMidnight_CountsDay()
    {
        var calendar = EveryDay("Asia/Tehran", "08:00-16:00");

        var result = calendar.AddBusinessDays(Local("Asia/Tehran", "2022-03-21T00:15"), 1);

        // 2022-03-22 00:15 does not exist in Tehran; it moves forward to 01:15+04:30.
        Assert.Equal(Utc("2022-03-21T20:45:00Z"), result);
        Assert.Equal(1, calendar.BusinessDaysBetween(Date("2022-03-21"), Date("2022-03-22")));
    }

    [Fact]
    public void IsBusinessDay_SkippedDate_IsFalse()
    {
        // Pacific/Apia skipped 2011-12-30 entirely when it moved across the date line.
        var calendar = EveryDay("Pacific/Apia", "00:00-24:00");

        Assert.False(calendar.IsBusinessDay(Date("2011-12-30")));
        Assert.True(calendar.IsBusinessDay(Date("2011-12-29")));
        Assert.True(calendar.IsBusinessDay(Date("2011-12-31")));
        Assert.Equal(1, calendar.BusinessDaysBetween(Date("2011-12-29"), Date("2011-12-31")));
    }
}
