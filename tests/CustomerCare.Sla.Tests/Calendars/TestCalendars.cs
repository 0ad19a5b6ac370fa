using CustomerCare.Sla.Calendars;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>Short ways to write the calendars, dates and instants that table tests use.</summary>
internal static class TestCalendars
{
    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    /// <summary>Returns the instant of a local date-time such as <c>2026-03-27T16:00</c>, which must be unambiguous.</summary>
    public static Instant Local(string zone, string text) =>
        LocalDateTimePattern.GeneralIso.Parse(text.Length == 16 ? text + ":00" : text).Value.InZoneStrictly(Zone(zone)).ToInstant();

    /// <summary>Returns a calendar open Monday to Friday with the given hours.</summary>
    public static BusinessCalendar Weekdays(string zone, params string[] hours) =>
        Build(zone, builder =>
        {
            foreach (var range in hours)
            {
                builder.AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse(range));
            }
        });

    /// <summary>Returns a calendar open every day with the given hours.</summary>
    public static BusinessCalendar EveryDay(string zone, params string[] hours) =>
        Build(zone, builder =>
        {
            foreach (var range in hours)
            {
                builder.AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, LocalTimeRange.Parse(range));
            }
        });

    public static BusinessCalendar Build(string zone, Action<BusinessCalendarBuilder> configure)
    {
        var builder = new BusinessCalendarBuilder("test", zone);
        configure(builder);
        return builder.Build();
    }
}
