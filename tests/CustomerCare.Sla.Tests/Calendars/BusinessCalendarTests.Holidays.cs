using CustomerCare.Sla.Calendars;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>Holidays, overrides and breaks, always on the calendar's local dates.</summary>
public partial class BusinessCalendarTests
{
    [Theory]
    // Pacific/Auckland is 13 hours ahead of UTC in December: 2026-12-25 there is 2026-12-24T11:00Z to 2026-12-25T11:00Z.
    [InlineData("Pacific/Auckland", "2026-12-24T10:59:00Z", true)]
    [InlineData("Pacific/Auckland", "2026-12-24T11:00:00Z", false)]
    [InlineData("Pacific/Auckland", "2026-12-25T10:59:00Z", false)]
    [InlineData("Pacific/Auckland", "2026-12-25T11:00:00Z", true)]
    // Pacific/Pago_Pago is 11 hours behind: its 2026-12-25 is 2026-12-25T11:00Z to 2026-12-26T11:00Z.
    [InlineData("Pacific/Pago_Pago", "2026-12-25T05:00:00Z", true)]
    [InlineData("Pacific/Pago_Pago", "2026-12-25T11:00:00Z", false)]
    [InlineData("Pacific/Pago_Pago", "2026-12-26T10:59:00Z", false)]
    [InlineData("Pacific/Pago_Pago", "2026-12-26T11:00:00Z", true)]
    // Pacific/Kiritimati is 14 hours ahead.
    [InlineData("Pacific/Kiritimati", "2026-12-24T09:59:00Z", true)]
    [InlineData("Pacific/Kiritimati", "2026-12-24T10:00:00Z", false)]
    public void Holiday_FarFromUtc_ClosesLocalDate(string zone, string instant, bool expected)
    {
        var calendar = Build(zone, builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, LocalTimeRange.Parse("00:00-24:00"))
            .AddHoliday(Holiday.Annual(new AnnualDate(12, 25), "Christmas Day")));

        Assert.Equal(expected, calendar.IsBusinessTime(Utc(instant)));
    }

    [Fact]
    public void Holiday_OvernightShifts_ClosedOnHolidayDateOnly()
    {
        // Night shifts 22:00-06:00 Monday to Friday, and Tuesday 2026-12-22 is a holiday. Monday's shift stops at
        // midnight, nothing is open on Tuesday, and Tuesday's shift runs again from midnight into Wednesday, because
        // the holiday closes its local date and not the shifts that belong to it.
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("22:00-06:00"))
            .AddHoliday(Holiday.OnDate(Date("2026-12-22"), "Company day")));

        Assert.True(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-21T23:00")));
        Assert.False(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-22T03:00")));
        Assert.False(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-22T23:00")));
        Assert.True(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-23T03:00")));
        Assert.Equal(Local("Europe/Berlin", "2026-12-22T00:00"), calendar.NextClosing(Local("Europe/Berlin", "2026-12-21T22:30")));
        Assert.Equal(
            Duration.FromHours(10),
            calendar.BusinessTimeBetween(Local("Europe/Berlin", "2026-12-21T00:00"), Local("Europe/Berlin", "2026-12-24T00:00")));
        Assert.False(calendar.IsBusinessDay(Date("2026-12-22")));
    }

    [Fact]
    public void Holiday_OvernightShiftAcrossDst_CountsElapsedTime()
    {
        // Saturday night 22:00-06:00 into the spring-forward Sunday: seven elapsed hours. With the Sunday a holiday,
        // only 22:00-24:00 is left.
        var shift = LocalTimeRange.Parse("22:00-06:00");
        var open = Build("Europe/Berlin", builder => builder.AddHours(IsoDayOfWeek.Saturday, shift));
        var closedSunday = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Saturday, shift)
            .AddHoliday(Holiday.OnDate(Date("2026-03-29"))));
        var from = Local("Europe/Berlin", "2026-03-28T00:00");
        var to = Local("Europe/Berlin", "2026-03-30T00:00");

        Assert.Equal(Duration.FromHours(7), open.BusinessTimeBetween(from, to));
        Assert.Equal(Duration.FromHours(2), closedSunday.BusinessTimeBetween(from, to));
    }

    [Fact]
    public void Holiday_Deactivated_ClosesNothing()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("09:00-17:00"))
            .AddHoliday(Holiday.OnDate(Date("2026-10-30"), "Reformation Day observance", isActive: false)));

        Assert.True(calendar.IsBusinessDay(Date("2026-10-30")));
        Assert.False(calendar.IsHoliday(Date("2026-10-30")));
        Assert.Single(calendar.Holidays);
    }

    [Fact]
    public void Holiday_AnnualOnLeapDay_OnlyInLeapYears()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, LocalTimeRange.Parse("09:00-17:00"))
            .AddHoliday(Holiday.Annual(new AnnualDate(2, 29), "Leap day")));

        Assert.True(calendar.IsHoliday(Date("2028-02-29")));
        Assert.False(calendar.IsBusinessDay(Date("2028-02-29")));
        Assert.True(calendar.IsBusinessDay(Date("2027-02-28")));
        Assert.True(calendar.IsBusinessDay(Date("2027-03-01")));
    }

    [Fact]
    public void Holiday_OnOverrideDate_WinsOverSpecialHours()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("09:00-17:00"))
            .AddOverride(new DateOverride(Date("2026-12-24"), [LocalTimeRange.Parse("09:00-12:00")]))
            .AddHoliday(Holiday.OnDate(Date("2026-12-24"), "Christmas Eve")));

        Assert.False(calendar.IsBusinessDay(Date("2026-12-24")));
    }

    [Fact]
    public void Override_ReplacesWeeklyHours()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("09:00-17:00"))
            .AddOverride(new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")], "New Year's Eve"))
            .AddOverride(new DateOverride(Date("2026-12-19"), [LocalTimeRange.Parse("10:00-14:00")], "Saturday opening"))
            .AddOverride(new DateOverride(Date("2026-12-28"), [], "Closed for inventory")));

        Assert.Equal(Duration.FromHours(4), DayTotal(calendar, "2026-12-31"));
        Assert.Equal(Duration.FromHours(4), DayTotal(calendar, "2026-12-19"));
        Assert.Equal(Duration.Zero, DayTotal(calendar, "2026-12-28"));
        Assert.Equal(Duration.FromHours(8), DayTotal(calendar, "2026-12-29"));
    }

    [Fact]
    public void Override_EmptyDay_KeepsOvernightFromDayBefore()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("22:00-06:00"))
            .AddOverride(new DateOverride(Date("2026-12-22"), [])));

        Assert.True(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-22T03:00")));
        Assert.False(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-22T23:00")));
    }

    [Fact]
    public void Break_ClosesPartOfDay()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("09:00-17:00"))
            .AddBreak(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00"), "staff meeting")));

        Assert.Equal(Duration.FromHours(6), DayTotal(calendar, "2026-06-12"));
        Assert.False(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-06-12T13:00")));
        Assert.Equal(Local("Europe/Berlin", "2026-06-12T14:30"), calendar.AddBusinessTime(Local("Europe/Berlin", "2026-06-12T11:30"), Duration.FromHours(1)));
        Assert.Equal(Local("Europe/Berlin", "2026-06-12T12:00"), calendar.NextClosing(Local("Europe/Berlin", "2026-06-12T10:00")));
    }

    [Fact]
    public void Break_CutsEarlyPartOfOvernightShift()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("22:00-06:00"))
            .AddBreak(new BusinessBreak(Date("2026-12-22"), LocalTimeRange.Parse("02:00-03:00"))));

        Assert.False(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-12-22T02:30")));
        Assert.Equal(
            Duration.FromHours(7),
            calendar.BusinessTimeBetween(Local("Europe/Berlin", "2026-12-21T22:00"), Local("Europe/Berlin", "2026-12-22T06:00")));
    }

    [Fact]
    public void Definitions_AreExposedInOrder()
    {
        var holiday = Holiday.OnDate(Date("2026-12-24"), "Christmas Eve");
        var dateOverride = new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")]);
        var pause = new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("08:30-09:00"));
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("13:00-17:00"))
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHoliday(holiday)
            .AddOverride(dateOverride)
            .AddBreak(pause));

        Assert.Equal([LocalTimeRange.Parse("13:00-17:00"), LocalTimeRange.Parse("08:00-12:00")], calendar.GetWeeklyHours(IsoDayOfWeek.Monday));
        Assert.Empty(calendar.GetWeeklyHours(IsoDayOfWeek.Tuesday));
        Assert.Equal([holiday], calendar.Holidays);
        Assert.Equal([dateOverride], calendar.Overrides);
        Assert.Equal([pause], calendar.Breaks);
        Assert.False(calendar.IsAlwaysOpen);
        Assert.Equal("Europe/Berlin", calendar.Zone.Id);
    }

    private static Duration DayTotal(BusinessCalendar calendar, string date)
    {
        var day = Date(date);
        return calendar.BusinessTimeBetween(calendar.Zone.AtStartOfDay(day).ToInstant(), calendar.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant());
    }
}
