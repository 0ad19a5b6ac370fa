using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>The operations on an ordinary calendar: Monday to Friday 09:00-17:00 in Europe/Berlin, in January 2026.</summary>
public partial class BusinessCalendarTests
{
    private static readonly BusinessCalendar Office = Weekdays("Europe/Berlin", "09:00-17:00");

    [Theory]
    [InlineData("2026-01-05T09:00", 0, "2026-01-05T09:00")] // zero returns the start
    [InlineData("2026-01-03T12:00", 0, "2026-01-03T12:00")] // zero on a closed Saturday returns the start too
    [InlineData("2026-01-05T09:00", 480, "2026-01-05T17:00")] // a result on a closing is the closing
    [InlineData("2026-01-05T16:00", 60, "2026-01-05T17:00")]
    [InlineData("2026-01-05T16:00", 61, "2026-01-06T09:01")]
    [InlineData("2026-01-05T17:00", 1, "2026-01-06T09:01")] // the closing instant is not business time
    [InlineData("2026-01-02T16:30", 60, "2026-01-05T09:30")] // across the weekend
    [InlineData("2026-01-03T10:00", 30, "2026-01-05T09:30")] // from a closed day
    [InlineData("2026-01-05T09:00", 2400, "2026-01-09T17:00")] // one whole week
    [InlineData("2026-01-05T09:00", 2401, "2026-01-12T09:01")]
    public void AddBusinessTime_Office_ReturnsEarliestInstant(string start, int minutes, string expected)
    {
        var result = Office.AddBusinessTime(Local("Europe/Berlin", start), Duration.FromMinutes(minutes));

        Assert.Equal(Local("Europe/Berlin", expected), result);
    }

    [Theory]
    [InlineData("2026-01-06T10:00", 0, "2026-01-06T10:00")]
    [InlineData("2026-01-06T10:00", 60, "2026-01-06T09:00")] // a result on an opening is the opening
    [InlineData("2026-01-06T09:00", 60, "2026-01-05T16:00")]
    [InlineData("2026-01-06T09:00", 480, "2026-01-05T09:00")]
    [InlineData("2026-01-05T09:30", 60, "2026-01-02T16:30")] // back across the weekend
    [InlineData("2026-01-10T12:00", 30, "2026-01-09T16:30")] // from a closed day
    public void SubtractBusinessTime_Office_ReturnsLatestInstant(string start, int minutes, string expected)
    {
        var result = Office.SubtractBusinessTime(Local("Europe/Berlin", start), Duration.FromMinutes(minutes));

        Assert.Equal(Local("Europe/Berlin", expected), result);
    }

    [Theory]
    [InlineData("2026-01-05T09:00", "2026-01-05T17:00", 480)]
    [InlineData("2026-01-05T17:00", "2026-01-05T09:00", -480)] // signed: finish before start
    [InlineData("2026-01-05T12:00", "2026-01-05T12:00", 0)]
    [InlineData("2026-01-02T16:00", "2026-01-05T10:00", 120)]
    [InlineData("2026-01-01T00:00", "2027-01-01T00:00", 261 * 480)] // 261 weekdays in 2026
    public void BusinessTimeBetween_Office_IsSigned(string start, string finish, int minutes)
    {
        var result = Office.BusinessTimeBetween(Local("Europe/Berlin", start), Local("Europe/Berlin", finish));

        Assert.Equal(Duration.FromMinutes(minutes), result);
    }

    [Theory]
    [InlineData("2026-01-05T08:59", false)]
    [InlineData("2026-01-05T09:00", true)] // an opening is business time
    [InlineData("2026-01-05T16:59", true)]
    [InlineData("2026-01-05T17:00", false)] // a closing is not
    [InlineData("2026-01-03T12:00", false)]
    public void IsBusinessTime_Office_IsHalfOpen(string instant, bool expected)
    {
        Assert.Equal(expected, Office.IsBusinessTime(Local("Europe/Berlin", instant)));
    }

    [Theory]
    [InlineData("2026-01-05T10:00", "2026-01-05T10:00", "2026-01-05T10:00", "2026-01-05T17:00")]
    [InlineData("2026-01-05T17:00", "2026-01-06T09:00", "2026-01-05T17:00", "2026-01-06T17:00")]
    [InlineData("2026-01-05T09:00", "2026-01-05T09:00", "2026-01-02T17:00", "2026-01-05T17:00")]
    [InlineData("2026-01-03T12:00", "2026-01-05T09:00", "2026-01-02T17:00", "2026-01-05T17:00")]
    public void NextAndPrevious_Office_FindSpanEdges(string instant, string next, string previous, string closing)
    {
        var at = Local("Europe/Berlin", instant);

        Assert.Equal(Local("Europe/Berlin", next), Office.NextBusinessInstant(at));
        Assert.Equal(Local("Europe/Berlin", previous), Office.PreviousBusinessInstant(at));
        Assert.Equal(Local("Europe/Berlin", closing), Office.NextClosing(at));
    }

    [Fact]
    public void MidnightEnd_JoinsNextDay_NoMinuteLost()
    {
        var calendar = Build("Europe/Berlin", builder => builder
            .AddHours(IsoDayOfWeek.Friday, LocalTimeRange.Parse("13:00-24:00"))
            .AddHours(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("00:00-04:00")));

        Assert.True(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-01-10T00:00")));
        Assert.Equal(Duration.FromMinutes(2), calendar.BusinessTimeBetween(Local("Europe/Berlin", "2026-01-09T23:59"), Local("Europe/Berlin", "2026-01-10T00:01")));
        Assert.Equal(Local("Europe/Berlin", "2026-01-10T04:00"), calendar.NextClosing(Local("Europe/Berlin", "2026-01-09T15:00")));
        Assert.Single(calendar.GetBusinessSpans(Local("Europe/Berlin", "2026-01-09T00:00"), Local("Europe/Berlin", "2026-01-11T00:00")));
    }

    [Fact]
    public void GetBusinessSpans_Office_ClipsToInterval()
    {
        var spans = Office.GetBusinessSpans(Local("Europe/Berlin", "2026-01-05T12:00"), Local("Europe/Berlin", "2026-01-07T10:00"));

        Assert.Equal(
            [
                new Interval(Local("Europe/Berlin", "2026-01-05T12:00"), Local("Europe/Berlin", "2026-01-05T17:00")),
                new Interval(Local("Europe/Berlin", "2026-01-06T09:00"), Local("Europe/Berlin", "2026-01-06T17:00")),
                new Interval(Local("Europe/Berlin", "2026-01-07T09:00"), Local("Europe/Berlin", "2026-01-07T10:00")),
            ],
            spans);
        Assert.Empty(Office.GetBusinessSpans(Local("Europe/Berlin", "2026-01-05T12:00"), Local("Europe/Berlin", "2026-01-05T12:00")));
    }

    [Theory]
    [InlineData("2026-01-09T14:00", 1, "2026-01-12T14:00")] // Friday to Monday
    [InlineData("2026-01-09T20:00", 1, "2026-01-12T20:00")] // the local time is kept, also after hours
    [InlineData("2026-01-10T10:00", 1, "2026-01-12T10:00")] // from Saturday
    [InlineData("2026-01-05T10:00", 5, "2026-01-12T10:00")]
    [InlineData("2026-01-05T10:00", 0, "2026-01-05T10:00")]
    public void AddBusinessDays_Office_KeepsLocalTime(string start, int days, string expected)
    {
        var result = Office.AddBusinessDays(Local("Europe/Berlin", start), days);

        Assert.Equal(Local("Europe/Berlin", expected), result);
    }

    [Theory]
    [InlineData("2026-01-09", "2026-01-12", 1)]
    [InlineData("2026-01-12", "2026-01-09", -1)]
    [InlineData("2026-01-05", "2026-01-05", 0)]
    [InlineData("2026-01-04", "2026-01-11", 5)]
    [InlineData("2025-12-31", "2026-12-31", 261)]
    public void BusinessDaysBetween_Office_CountsAfterStartUpToFinish(string start, string finish, int expected)
    {
        Assert.Equal(expected, Office.BusinessDaysBetween(Date(start), Date(finish)));
    }

    [Fact]
    public void IsBusinessDay_Office_WeekdaysOnly()
    {
        Assert.True(Office.IsBusinessDay(Date("2026-01-05")));
        Assert.False(Office.IsBusinessDay(Date("2026-01-04")));
    }

    [Fact]
    public void AddBusinessTime_NegativeAmount_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(Utc("2026-01-05T10:00:00Z"), Duration.FromMinutes(-1)));

        Assert.Equal("amount", exception.ParamName);
        Assert.Contains("SubtractBusinessTime", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.SubtractBusinessTime(Utc("2026-01-05T10:00:00Z"), Duration.FromMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessDays(Utc("2026-01-05T10:00:00Z"), -1));
    }

    [Fact]
    public void Operations_InstantOutsideRange_Throw()
    {
        var early = Utc("1899-12-31T23:59:59Z");
        var late = Utc("2150-01-01T00:00:01Z");

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Office.IsBusinessTime(early));

        Assert.Equal("instant", exception.ParamName);
        Assert.Contains("1900-01-01T00:00:00Z to 2150-01-01T00:00:00Z", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.BusinessTimeBetween(Utc("2026-01-01T00:00:00Z"), late));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(late, Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(Utc("2149-12-31T00:00:00Z"), Duration.FromDays(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.SubtractBusinessTime(Utc("1900-01-02T00:00:00Z"), Duration.FromDays(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.IsBusinessDay(new LocalDate(2151, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.NextBusinessInstant(Utc("2149-12-31T20:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.NextClosing(Utc("2149-12-31T20:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.PreviousBusinessInstant(Utc("1900-01-01T00:00:00Z")));
        Assert.Equal(Utc("2150-01-01T00:00:00Z"), BusinessCalendar.AlwaysOpenUtc.NextBusinessInstant(Utc("2150-01-01T00:00:00Z")));
        Assert.Equal(BusinessCalendar.MinSupportedInstant, BusinessCalendar.AlwaysOpenUtc.SubtractBusinessTime(Utc("1900-01-02T00:00:00Z"), Duration.FromDays(1)));
        Assert.Equal(BusinessCalendar.MaxSupportedInstant, BusinessCalendar.AlwaysOpenUtc.AddBusinessTime(Utc("2149-12-31T00:00:00Z"), Duration.FromDays(1)));
    }

    [Fact]
    public void SearchHorizon_NoBusinessTime_Throws()
    {
        var closed = Build("Europe/Berlin", _ => { });
        var start = Utc("2026-01-05T10:00:00Z");

        var exception = Assert.Throws<SearchHorizonExceededException>(() => closed.AddBusinessTime(start, Duration.FromHours(1)));

        Assert.Equal("test", exception.CalendarId);
        Assert.Equal(start, exception.SearchStart);
        Assert.Contains("no business time in the 3653 days after 2026-01-05T10:00:00Z", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CustomerCareException>(exception);
        Assert.Throws<SearchHorizonExceededException>(() => closed.SubtractBusinessTime(start, Duration.FromHours(1)));
        Assert.Throws<SearchHorizonExceededException>(() => closed.NextBusinessInstant(start));
        Assert.Throws<SearchHorizonExceededException>(() => closed.PreviousBusinessInstant(start));
        Assert.Throws<SearchHorizonExceededException>(() => closed.NextClosing(start));
        Assert.Throws<SearchHorizonExceededException>(() => closed.AddBusinessDays(start, 1));
        Assert.Equal(Duration.Zero, closed.BusinessTimeBetween(start, start + Duration.FromDays(400)));
    }

    [Fact]
    public void SearchHorizon_BusinessTimeWithinHorizon_IsFound()
    {
        // One open date, nine years after the start: within the horizon of 3653 days.
        var rare = Build("Europe/Berlin", builder => builder.AddOverride(new DateOverride(Date("2035-01-02"), [LocalTimeRange.Parse("09:00-10:00")])));

        var result = rare.AddBusinessTime(Utc("2026-01-05T10:00:00Z"), Duration.FromMinutes(30));

        Assert.Equal(Local("Europe/Berlin", "2035-01-02T09:30"), result);
        Assert.Throws<SearchHorizonExceededException>(() => rare.AddBusinessTime(Utc("2026-01-05T10:00:00Z"), Duration.FromHours(2)));
    }

    [Fact]
    public void AlwaysOpen_ElapsedTimeEverywhere()
    {
        var calendar = BusinessCalendar.AlwaysOpen(Zone("Europe/Berlin"));
        var start = Utc("2026-03-28T22:00:00Z");

        Assert.True(calendar.IsAlwaysOpen);
        Assert.Equal("always-open", calendar.Id);
        Assert.Equal(start + Duration.FromHours(30), calendar.AddBusinessTime(start, Duration.FromHours(30)));
        Assert.Equal(start - Duration.FromHours(30), calendar.SubtractBusinessTime(start, Duration.FromHours(30)));
        Assert.Equal(Duration.FromDays(400), calendar.BusinessTimeBetween(start, start + Duration.FromDays(400)));
        Assert.Equal(start, calendar.NextBusinessInstant(start));
        Assert.Equal(start, calendar.PreviousBusinessInstant(start));
        Assert.True(calendar.IsBusinessDay(Date("2026-03-29")));
        Assert.Equal(new LocalTimeRange(LocalTime.Midnight, LocalTime.Midnight), Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Sunday)));
        Assert.Single(calendar.GetBusinessSpans(start, start + Duration.FromDays(1000)));
        Assert.Throws<SearchHorizonExceededException>(() => calendar.NextClosing(start));
    }

    [Fact]
    public void AlwaysOpen_InvalidId_Throws()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => BusinessCalendar.AlwaysOpen("24x7", DateTimeZone.Utc));

        Assert.Contains("starts with '2'", Assert.Single(exception.Errors).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GetWeeklyHours_InvalidDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.GetWeeklyHours(IsoDayOfWeek.None));
    }

    [Fact]
    public void ToString_NamesIdAndZone()
    {
        Assert.Equal("test (Europe/Berlin)", Office.ToString());
    }
}
