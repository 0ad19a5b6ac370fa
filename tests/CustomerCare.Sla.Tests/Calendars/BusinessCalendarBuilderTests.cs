using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Calendars;

public class BusinessCalendarBuilderTests
{
    [Fact]
    public void Build_OverlappingHours_NamesBothPlaces()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("11:00-14:00"));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.Equal("calendar 'berlin' → weekly → Monday[1]", error.Path);
        Assert.Equal("overlaps 08:00-12:00 at calendar 'berlin' → weekly → Monday[0]", error.Problem);
        Assert.Equal("11:00-14:00", error.Value);
        Assert.Contains("are joined", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TouchingHours_AreJoined()
    {
        var calendar = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("12:00-14:00"))
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("08:00-12:00"))
            .Build();

        var spans = calendar.GetBusinessSpans(Local("Europe/Berlin", "2026-01-05T00:00"), Local("Europe/Berlin", "2026-01-06T00:00"));

        Assert.Equal(new Interval(Local("Europe/Berlin", "2026-01-05T08:00"), Local("Europe/Berlin", "2026-01-05T14:00")), Assert.Single(spans));
    }

    [Theory]
    [InlineData(IsoDayOfWeek.Monday, "22:00-06:00", IsoDayOfWeek.Tuesday, "05:00-12:00", "Tuesday[0]", "which run until 06:00 on Tuesday")]
    [InlineData(IsoDayOfWeek.Sunday, "20:00-08:00", IsoDayOfWeek.Monday, "07:00-09:00", "Monday[0]", "which run until 08:00 on Monday")]
    [InlineData(IsoDayOfWeek.Friday, "09:00-09:00", IsoDayOfWeek.Saturday, "08:00-10:00", "Saturday[0]", "which run until 09:00 on Saturday")]
    public void Build_OvernightIntoNextDay_Overlap(IsoDayOfWeek day, string hours, IsoDayOfWeek nextDay, string nextHours, string path, string problem)
    {
        var builder = new BusinessCalendarBuilder("night", "Europe/Berlin")
            .AddHours(day, LocalTimeRange.Parse(hours))
            .AddHours(nextDay, LocalTimeRange.Parse(nextHours));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.EndsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OvernightTouchingNextDay_IsValid()
    {
        var calendar = new BusinessCalendarBuilder("night", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("22:00-06:00"))
            .AddHours(IsoDayOfWeek.Tuesday, LocalTimeRange.Parse("06:00-12:00"))
            .Build();

        Assert.Equal(Local("Europe/Berlin", "2026-01-06T12:00"), calendar.NextClosing(Local("Europe/Berlin", "2026-01-05T23:00")));
    }

    [Fact]
    public void Build_UnknownZoneAndInvalidId_ReportsBoth()
    {
        var builder = new BusinessCalendarBuilder("1st", "Europe/Berlim");

        var errors = Assert.Throws<CustomerCareValidationException>(builder.Build).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Equal("calendar '1st' → id", errors[0].Path);
        Assert.Contains("must start with an ASCII letter", errors[0].Problem, StringComparison.Ordinal);
        Assert.Equal("calendar '1st' → time zone", errors[1].Path);
        Assert.Equal("is not a time zone id of the IANA time zone database", errors[1].Problem);
        Assert.Equal("Europe/Berlim", errors[1].Value);
        Assert.Contains("Europe/Berlin", errors[1].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Id_IsNormalized()
    {
        var calendar = new BusinessCalendarBuilder(" Berlin-Support ", DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Build();

        Assert.Equal("berlin-support", calendar.Id);
    }

    [Fact]
    public void Build_DuplicateOverride_Reported()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddOverride(new DateOverride(Date("2026-12-31"), [LocalTimeRange.Parse("09:00-13:00")]))
            .AddOverride(new DateOverride(Date("2026-12-31"), []));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.Equal("calendar 'berlin' → overrides[1]", error.Path);
        Assert.Equal("is a second override for 2026-12-31; the first is at calendar 'berlin' → overrides[0]", error.Problem);
    }

    [Fact]
    public void Build_OverrideOverlaps_Reported()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Wednesday, LocalTimeRange.Parse("22:00-04:00"))
            .AddHours(IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-12:00"))
            .AddOverride(new DateOverride(Date("2026-12-24"), [LocalTimeRange.Parse("03:00-05:00"), LocalTimeRange.Parse("20:00-09:00")]))
            .AddOverride(new DateOverride(Date("2026-12-20"), [LocalTimeRange.Parse("09:00-12:00"), LocalTimeRange.Parse("10:00-11:00")]));

        var errors = Assert.Throws<CustomerCareValidationException>(builder.Build).Errors;

        // Wednesday's night shift runs into Thursday 2026-12-24 until 04:00, and the override's own night runs into
        // Friday's weekly hours.
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Path == "calendar 'berlin' → overrides[1] → hours[1]" && e.Problem.StartsWith("overlaps 09:00-12:00", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "calendar 'berlin' → overrides[0] → hours[0]"
            && e.Problem.Contains("overnight hours 22:00-04:00 at calendar 'berlin' → weekly → Wednesday[0], which run until 04:00 on 2026-12-24 (Thursday)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "calendar 'berlin' → overrides[0] → hours[1]"
            && e.Problem == "runs until 09:00 on 2026-12-25 (Friday) and overlaps the weekly hours 08:00-12:00 at calendar 'berlin' → weekly → Friday[0]");
    }

    [Fact]
    public void Build_ConsecutiveOverrides_CheckedOnce()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddOverride(new DateOverride(Date("2026-12-24"), [LocalTimeRange.Parse("20:00-02:00")]))
            .AddOverride(new DateOverride(Date("2026-12-25"), [LocalTimeRange.Parse("01:00-03:00")]));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.Equal("calendar 'berlin' → overrides[1] → hours[0]", error.Path);
    }

    [Theory]
    [InlineData("22:00-02:00", "runs past midnight")]
    [InlineData("18:00-20:00", "lies outside the business hours of 2026-06-12 (Friday), which are 09:00-17:00")]
    public void Build_InvalidBreak_Reported(string hours, string problem)
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Friday, LocalTimeRange.Parse("09:00-17:00"))
            .AddBreak(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse(hours)));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.Equal("calendar 'berlin' → breaks[0]", error.Path);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal("2026-06-12 " + hours, error.Value);
    }

    [Fact]
    public void Build_BreakOnClosedDay_NamesNoHours()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddBreak(new BusinessBreak(Date("2026-06-13"), LocalTimeRange.Parse("10:00-11:00")));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.Equal("lies outside the business hours of 2026-06-13 (Saturday), which are none", error.Problem);
    }

    [Fact]
    public void Build_BreakInOvernightPart_IsValid()
    {
        var calendar = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Friday, LocalTimeRange.Parse("22:00-06:00"))
            .AddBreak(new BusinessBreak(Date("2026-06-13"), LocalTimeRange.Parse("01:00-02:00")))
            .AddBreak(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("23:00-24:00")))
            .Build();

        Assert.Equal(2, calendar.Breaks.Count);
    }

    [Fact]
    public void Build_Duplicates_Reported()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Friday, LocalTimeRange.Parse("09:00-17:00"))
            .AddHoliday(Holiday.OnDate(Date("2026-12-24"), "Christmas Eve"))
            .AddHoliday(Holiday.OnDate(Date("2026-12-24"), "Christmas Eve", isActive: false))
            .AddHoliday(Holiday.OnDate(Date("2026-12-24"), "Company day"))
            .AddBreak(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-13:00")))
            .AddBreak(new BusinessBreak(Date("2026-06-12"), LocalTimeRange.Parse("12:00-13:00"), "again"));

        var errors = Assert.Throws<CustomerCareValidationException>(builder.Build).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Equal("calendar 'berlin' → breaks[1]", errors[0].Path);
        Assert.Equal("duplicates the break at calendar 'berlin' → breaks[0]", errors[0].Problem);
        Assert.Equal("calendar 'berlin' → holidays[1]", errors[1].Path);
        Assert.Equal("duplicates the holiday at calendar 'berlin' → holidays[0]", errors[1].Problem);
    }

    [Fact]
    public void Build_ManyProblems_ReportedAtOnce()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Nowhere/Zone")
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("09:00-10:00"))
            .AddHours(IsoDayOfWeek.Tuesday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Tuesday, LocalTimeRange.Parse("11:00-13:00"))
            .AddBreak(new BusinessBreak(Date("2026-06-13"), LocalTimeRange.Parse("10:00-11:00")));

        var exception = Assert.Throws<CustomerCareValidationException>(builder.Build);

        Assert.Equal(4, exception.Errors.Count);
        Assert.StartsWith("4 validation errors:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHours_DayRange_WrapsOverSunday()
    {
        var calendar = new BusinessCalendarBuilder("weekend", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Friday, IsoDayOfWeek.Monday, LocalTimeRange.Parse("10:00-14:00"))
            .Build();

        Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Friday));
        Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Sunday));
        Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Monday));
        Assert.Empty(calendar.GetWeeklyHours(IsoDayOfWeek.Tuesday));
    }

    [Fact]
    public void AddMethods_InvalidArguments_Throw()
    {
        var builder = new BusinessCalendarBuilder("berlin", "Europe/Berlin");

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddHours(IsoDayOfWeek.None, LocalTimeRange.Parse("08:00-12:00")));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddHours(IsoDayOfWeek.Monday, (IsoDayOfWeek)8, LocalTimeRange.Parse("08:00-12:00")));
        Assert.Throws<ArgumentNullException>(() => builder.AddHoliday(null!));
        Assert.Throws<ArgumentException>(() => builder.AddHolidays([null!]));
        Assert.Throws<ArgumentNullException>(() => builder.AddOverride(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddBreak(null!));
        Assert.Throws<ArgumentNullException>(() => new BusinessCalendarBuilder(null!, "Europe/Berlin"));
        Assert.Throws<ArgumentNullException>(() => new BusinessCalendarBuilder("berlin", (string)null!));
        Assert.Throws<ArgumentNullException>(() => new BusinessCalendarBuilder("berlin", (DateTimeZone)null!));
    }

    [Fact]
    public void AddHours_StartEndOverload_MatchesRange()
    {
        var calendar = new BusinessCalendarBuilder("berlin", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0))
            .Build();

        Assert.Equal(LocalTimeRange.Parse("09:00-17:00"), Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Monday)));
    }
}
