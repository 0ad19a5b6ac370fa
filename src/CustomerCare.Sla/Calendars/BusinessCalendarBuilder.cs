using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// Defines a <see cref="BusinessCalendar"/> in code: weekly hours, holidays, date overrides and breaks in an IANA
/// time zone.
/// </summary>
/// <remarks>
/// <para>
/// The add methods only collect; <see cref="Build"/> checks the whole definition and reports every problem at once
/// in a <see cref="CustomerCareValidationException"/>, each with its place (such as
/// <c>calendar 'berlin' → weekly → Monday[1]</c>), the problem and the fix.
/// </para>
/// <code>
/// var calendar = new BusinessCalendarBuilder("berlin-support", "Europe/Berlin")
///     .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-18:00"))
///     .AddHoliday(Holiday.Annual(new AnnualDate(12, 25), "Christmas Day"))
///     .AddOverride(new DateOverride(new LocalDate(2026, 12, 31), [LocalTimeRange.Parse("09:00-13:00")], "New Year's Eve"))
///     .Build();
/// </code>
/// <para>A builder is not thread-safe. The calendars it builds are immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly CalendarDraft _draft;

    /// <summary>Initializes a builder for a calendar in the zone with the given IANA id.</summary>
    /// <param name="id">The calendar id, such as <c>berlin-support</c>: 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter. It is lower-cased.</param>
    /// <param name="timeZoneId">The IANA time zone id, such as <c>Europe/Berlin</c>. <see cref="Build"/> reports an unknown id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="timeZoneId"/> is null.</exception>
    public BusinessCalendarBuilder(string id, string timeZoneId)
    {
        _draft = new CalendarDraft(Guard.NotNull(id), Guard.NotNull(timeZoneId), null, CalendarPaths.ForBuilder(id));
    }

    /// <summary>Initializes a builder for a calendar in the given zone.</summary>
    /// <param name="id">The calendar id, such as <c>berlin-support</c>: 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter. It is lower-cased.</param>
    /// <param name="timeZone">The time zone, usually from <see cref="DateTimeZoneProviders.Tzdb"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="timeZone"/> is null.</exception>
    public BusinessCalendarBuilder(string id, DateTimeZone timeZone)
    {
        _draft = new CalendarDraft(Guard.NotNull(id), Guard.NotNull(timeZone).Id, timeZone, CalendarPaths.ForBuilder(id));
    }

    internal BusinessCalendarBuilder(CalendarDraft draft)
    {
        _draft = draft;
    }

    /// <summary>Adds weekly hours to one weekday.</summary>
    /// <param name="day">The weekday on which the hours start.</param>
    /// <param name="hours">The hours; an overnight range such as <c>22:00-06:00</c> runs into the next day and belongs to <paramref name="day"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    public BusinessCalendarBuilder AddHours(IsoDayOfWeek day, LocalTimeRange hours)
    {
        _draft.AddHours(RequireDay(day, nameof(day)), hours);
        return this;
    }

    /// <summary>Adds weekly hours to one weekday.</summary>
    /// <param name="day">The weekday on which the hours start.</param>
    /// <param name="start">The opening time.</param>
    /// <param name="end">The closing time; when it is not after <paramref name="start"/>, it falls on the next day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    public BusinessCalendarBuilder AddHours(IsoDayOfWeek day, LocalTime start, LocalTime end) =>
        AddHours(day, new LocalTimeRange(start, end));

    /// <summary>Adds the same weekly hours to every weekday from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    /// <param name="firstDay">The first weekday, such as Monday.</param>
    /// <param name="lastDay">The last weekday, such as Friday. When it comes before <paramref name="firstDay"/>, the days wrap over Sunday: Friday to Monday is four days.</param>
    /// <param name="hours">The hours of each of these days.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> or <paramref name="lastDay"/> is not Monday to Sunday.</exception>
    public BusinessCalendarBuilder AddHours(IsoDayOfWeek firstDay, IsoDayOfWeek lastDay, LocalTimeRange hours)
    {
        var day = RequireDay(firstDay, nameof(firstDay));
        var last = RequireDay(lastDay, nameof(lastDay));
        while (true)
        {
            _draft.AddHours(day, hours);
            if (day == last)
            {
                return this;
            }

            day = day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1;
        }
    }

    /// <summary>Adds a holiday, which closes its whole local date while it is active.</summary>
    /// <param name="holiday">The holiday.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holiday"/> is null.</exception>
    public BusinessCalendarBuilder AddHoliday(Holiday holiday)
    {
        _draft.AddHoliday(Guard.NotNull(holiday));
        return this;
    }

    /// <summary>Adds several holidays, such as imported public holidays.</summary>
    /// <param name="holidays">The holidays, in order.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holidays"/> contains null.</exception>
    public BusinessCalendarBuilder AddHolidays(IEnumerable<Holiday> holidays)
    {
        foreach (var holiday in Guard.NoNullElements(holidays).ToArray())
        {
            _draft.AddHoliday(holiday);
        }

        return this;
    }

    /// <summary>Adds special hours that replace the weekly hours of one date.</summary>
    /// <param name="dateOverride">The override; at most one per date.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dateOverride"/> is null.</exception>
    public BusinessCalendarBuilder AddOverride(DateOverride dateOverride)
    {
        _draft.AddOverride(Guard.NotNull(dateOverride));
        return this;
    }

    /// <summary>Adds a partial-day closure on one date.</summary>
    /// <param name="pause">The break; it must end on its own date and overlap hours on that date.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pause"/> is null.</exception>
    public BusinessCalendarBuilder AddBreak(BusinessBreak pause)
    {
        _draft.AddBreak(Guard.NotNull(pause));
        return this;
    }

    /// <summary>Checks the definition and builds the calendar.</summary>
    /// <returns>The calendar.</returns>
    /// <exception cref="CustomerCareValidationException">
    /// The definition is invalid: an invalid id, an unknown time zone, overlapping hours (also overnight hours that run
    /// into the next day's hours), two overrides for one date, a break that runs past midnight or lies outside the hours
    /// of its date, or a duplicate holiday or break. The exception lists every problem.
    /// </exception>
    public BusinessCalendar Build() => CalendarCompiler.Compile(_draft);

    private static IsoDayOfWeek RequireDay(IsoDayOfWeek day, string paramName) =>
        (IsoDayOfWeek)Guard.InRange((int)day, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Sunday, paramName);
}
