using System.Text;
using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using FsCheck.Xunit;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

public class BusinessCalendarJsonTests
{
    private const string Example = """
        {
          // Support desk in Berlin with a night line on Fridays.
          "id": "berlin-support",
          "timeZone": "Europe/Berlin",
          "weekly": {
            "monday": ["08:00-12:00", "13:00-18:00"],
            "Tuesday": ["08:00-18:00"],
            "friday": ["08:00-16:00", "22:00-06:00"],
          },
          "holidays": [
            { "annual": "12-25", "name": "Christmas Day" },
            { "date": "2026-10-31", "name": "Reformation Day", "active": false },
            { "date": "2026-12-24" }
          ],
          "overrides": [ { "date": "2026-12-31", "hours": ["09:00-13:00"], "name": "New Year's Eve" } ],
          "breaks": [ { "date": "2026-06-12", "hours": "12:00-14:00", "reason": "staff meeting" } ]
        }
        """;

    [Fact]
    public void Parse_Example_ReadsEveryPart()
    {
        var calendar = BusinessCalendarJson.Parse(Example);

        Assert.Equal("berlin-support", calendar.Id);
        Assert.Equal("Europe/Berlin", calendar.Zone.Id);
        Assert.Equal([LocalTimeRange.Parse("08:00-12:00"), LocalTimeRange.Parse("13:00-18:00")], calendar.GetWeeklyHours(IsoDayOfWeek.Monday));
        Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Tuesday));
        Assert.Equal(2, calendar.GetWeeklyHours(IsoDayOfWeek.Friday).Count);
        Assert.Equal(
            [
                Holiday.Annual(new AnnualDate(12, 25), "Christmas Day"),
                Holiday.OnDate(Date("2026-10-31"), "Reformation Day", isActive: false),
                Holiday.OnDate(Date("2026-12-24")),
            ],
            calendar.Holidays);
        Assert.Equal(new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")], "New Year's Eve"), Assert.Single(calendar.Overrides));
        Assert.Equal(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-14:00"), "staff meeting"), Assert.Single(calendar.Breaks));
        Assert.True(calendar.IsBusinessTime(Local("Europe/Berlin", "2026-06-13T03:00")));
    }

    [Fact]
    public void Load_Utf8Stream_ReadsCalendar()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Example));

        var calendar = BusinessCalendarJson.Load(stream);

        Assert.Equal("berlin-support", calendar.Id);
    }

    [Fact]
    public void Serialize_Example_RoundTrips()
    {
        var calendar = BusinessCalendarJson.Parse(Example);

        var json = BusinessCalendarJson.Serialize(calendar);
        var again = BusinessCalendarJson.Parse(json);

        Assert.Contains("\"monday\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"active\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"22:00-06:00\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("alwaysOpen", json, StringComparison.Ordinal);
        AssertSameDefinition(calendar, again);
    }

    [Fact]
    public void Serialize_Names_WrittenAsTheyAre()
    {
        var calendar = new BusinessCalendarBuilder("munich", "Europe/Berlin")
            .AddHoliday(Holiday.OnDate(Date("2026-08-15"), "Mariä Himmelfahrt"))
            .AddHoliday(Holiday.Annual(new AnnualDate(12, 26), "St Stephen's Day"))
            .Build();

        var json = BusinessCalendarJson.Serialize(calendar);

        Assert.Contains("\"Mariä Himmelfahrt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"St Stephen's Day\"", json, StringComparison.Ordinal);
        Assert.Equal(calendar.Holidays, BusinessCalendarJson.Parse(json).Holidays);
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 200)]
    public void Serialize_RandomCalendars_RoundTrip(CalendarArbitraries.CalendarCase @case)
    {
        var again = BusinessCalendarJson.Parse(BusinessCalendarJson.Serialize(@case.Calendar));

        AssertSameDefinition(@case.Calendar, again);
    }

    [Fact]
    public void AlwaysOpen_RoundTrips()
    {
        var json = BusinessCalendarJson.Serialize(BusinessCalendar.AlwaysOpen("support-24x7", Zone("Asia/Tokyo")));

        var calendar = BusinessCalendarJson.Parse(json);

        Assert.Contains("\"alwaysOpen\": true", json, StringComparison.Ordinal);
        Assert.True(calendar.IsAlwaysOpen);
        Assert.Equal("support-24x7", calendar.Id);
        Assert.Equal("Asia/Tokyo", calendar.Zone.Id);
    }

    [Fact]
    public void Parse_AlwaysOpenWithHours_Rejected()
    {
        var error = Single("""{ "id": "x", "timeZone": "UTC", "alwaysOpen": true, "weekly": { "monday": ["08:00-12:00"] } }""");

        Assert.Equal("$.alwaysOpen", error.Path);
        Assert.StartsWith("is true, but the calendar also has", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": ["08:00-25:00"] } }""", "$.weekly.monday[0]", "is not valid hours because the end '25:00' is not a time of day from 00:00 to 24:00")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": ["24:00-08:00"] } }""", "$.weekly.monday[0]", "is not valid hours because the start is 24:00, which is allowed as an end only")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": ["8-12"] } }""", "$.weekly.monday[0]", "is not valid hours because the start '8' is not a time of day from 00:00 to 23:59:59")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": [null] } }""", "$.weekly.monday[0]", "is not valid hours because it is missing")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "mon": ["08:00-12:00"] } }""", "$.weekly.mon", "is not a weekday")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": [], "Monday": [] } }""", "$.weekly.Monday", "repeats the weekday of 'monday'")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": null } }""", "$.weekly.monday", "is null")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "timezone": "UTC" }""", "$.timezone", "is not a known property")]
    [InlineData("""{ "id": "x", "timeZone": "Mars/Olympus" }""", "$.timeZone", "is not a time zone id of the IANA time zone database")]
    [InlineData("""{ "id": "x" }""", "$.timeZone", "is missing")]
    [InlineData("""{ "timeZone": "UTC" }""", "$.id", "is missing")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [{ "date": "2026-12-24", "annual": "12-24" }] }""", "$.holidays[0]", "has both 'date' and 'annual'")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [{ "name": "Someday" }] }""", "$.holidays[0]", "has neither 'date' nor 'annual'")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [{ "date": "24.12.2026" }] }""", "$.holidays[0].date", "is not a date in the form yyyy-MM-dd")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [{ "annual": "02-30" }] }""", "$.holidays[0].annual", "is not a month and day in the form MM-dd")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [{ "date": "2026-12-24", "name": " " }] }""", "$.holidays[0].name", "is empty")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [null] }""", "$.holidays[0]", "is null")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "holidays": [{ "date": "2026-12-24", "kind": "public" }] }""", "$.holidays[0].kind", "is not a known property")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "overrides": [{ "date": "2026-12-31" }] }""", "$.overrides[0].hours", "is missing")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "overrides": [{ "hours": [] }] }""", "$.overrides[0].date", "is missing")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "overrides": [{ "date": "2026-12-31", "hours": ["9-13"] }] }""", "$.overrides[0].hours[0]", "is not valid hours because the start '9' is not a time of day from 00:00 to 23:59:59")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "breaks": [{ "date": "2026-06-12" }] }""", "$.breaks[0].hours", "is not valid hours because it is missing")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "breaks": [{ "date": "2026-06-12", "hours": "12:00-13:00" }] }""", "$.breaks[0]", "lies outside the business hours of 2026-06-12 (Friday), which are none")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": { "monday": ["08:00-12:00", "11:00-13:00"] } }""", "$.weekly.monday[1]", "overlaps 08:00-12:00 at $.weekly.monday[0]")]
    public void Parse_InvalidDocument_NamesJsonPath(string json, string path, string problem)
    {
        var error = Single(json);

        Assert.Equal(path, error.Path);
        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "alwaysOpen": "yes" }""", "$.alwaysOpen", "has a value of the wrong JSON type (line 1, byte")]
    [InlineData("""{ "id": 7, "timeZone": "UTC" }""", "$.id", "has a value of the wrong JSON type")]
    [InlineData("""{ "id": "x", "timeZone": "UTC", "weekly": ["monday"] }""", "$.weekly", "has a value of the wrong JSON type")]
    [InlineData("""{ "id": "x", "id": "y", "timeZone": "UTC" }""", "$.id", "is not valid JSON")]
    [InlineData("""{ "id": "x", "timeZone": "UTC" """, "$", "is not valid JSON")]
    [InlineData("""[]""", "$", "has a value of the wrong JSON type")]
    public void Parse_MalformedJson_NamesPlace(string json, string path, string problem)
    {
        var error = Single(json);

        Assert.Equal(path, error.Path);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("CalendarDocument", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Rejected()
    {
        Assert.Equal("is null", Single("null").Problem);
        Assert.Throws<ArgumentNullException>(() => BusinessCalendarJson.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendarJson.Load(null!));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendarJson.Serialize(null!));
    }

    [Fact]
    public void Parse_ManyProblems_ReportedAtOnce()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => BusinessCalendarJson.Parse("""
            {
              "id": "9lives",
              "timeZone": "Europe/Nowhere",
              "weekly": { "monday": ["08:00-12:00", "bad"], "funday": [] },
              "holidays": [{ "date": "2026-13-01" }],
              "color": "blue"
            }
            """));

        Assert.Equal(
            ["$.color", "$.weekly.monday[1]", "$.weekly.funday", "$.holidays[0].date", "$.id", "$.timeZone"],
            exception.Errors.Select(e => e.Path));
    }

    private static ValidationError Single(string json) =>
        Assert.Single(Assert.Throws<CustomerCareValidationException>(() => BusinessCalendarJson.Parse(json)).Errors);

    private static void AssertSameDefinition(BusinessCalendar expected, BusinessCalendar actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Zone, actual.Zone);
        Assert.Equal(expected.IsAlwaysOpen, actual.IsAlwaysOpen);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            Assert.Equal(expected.GetWeeklyHours(day), actual.GetWeeklyHours(day));
        }

        Assert.Equal(expected.Holidays, actual.Holidays);
        Assert.Equal(expected.Overrides, actual.Overrides);
        Assert.Equal(expected.Breaks, actual.Breaks);
    }
}
