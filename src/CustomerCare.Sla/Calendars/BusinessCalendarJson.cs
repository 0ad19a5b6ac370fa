using System.Text.Encodings.Web;
using System.Text.Json;
using CustomerCare.Core;
using CustomerCare.Sla.Calendars.Json;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// Reads and writes business calendars in their JSON format, with System.Text.Json and no reflection.
/// </summary>
/// <remarks>
/// <para>A calendar document looks like this (comments and trailing commas are allowed):</para>
/// <code>
/// {
///   "id": "berlin-support",
///   "timeZone": "Europe/Berlin",
///   "weekly": {
///     "monday": ["08:00-12:00", "13:00-18:00"],
///     "friday": ["08:00-16:00", "22:00-06:00"]
///   },
///   "holidays": [
///     { "annual": "12-25", "name": "Christmas Day" },
///     { "date": "2026-10-31", "name": "Reformation Day", "active": false }
///   ],
///   "overrides": [ { "date": "2026-12-31", "hours": ["09:00-13:00"], "name": "New Year's Eve" } ],
///   "breaks": [ { "date": "2026-06-12", "hours": "12:00-14:00", "reason": "staff meeting" } ]
/// }
/// </code>
/// <para>
/// An always-open calendar is <c>{ "id": "always-open", "timeZone": "UTC", "alwaysOpen": true }</c>. Property names
/// are case-sensitive; weekday names are not. Invalid documents fail with a
/// <see cref="CustomerCareValidationException"/> whose errors name JSON paths, such as <c>$.weekly.monday[1]</c>.
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class BusinessCalendarJson
{
    // Calendar files are edited by people, so names such as "Mariä Himmelfahrt" or "St Stephen's Day" are written as
    // they are instead of as \u escapes. The output is meant for files and APIs, not for embedding in HTML.
    private static readonly SlaJsonContext WritingContext = new(new JsonSerializerOptions(SlaJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Reads a calendar from JSON text.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">
    /// The document is not valid JSON, or it describes an invalid calendar; the errors name every problem with its JSON path.
    /// </exception>
    public static BusinessCalendar Parse(string json)
    {
        Guard.NotNull(json);
        return Read(() => JsonSerializer.Deserialize(json, SlaJsonContext.Default.CalendarDocument));
    }

    /// <summary>Reads a calendar from UTF-8 JSON, such as the contents of a file.</summary>
    /// <param name="utf8Json">The UTF-8 encoded JSON document.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">
    /// The document is not valid JSON, or it describes an invalid calendar; the errors name every problem with its JSON path.
    /// </exception>
    public static BusinessCalendar Load(Stream utf8Json)
    {
        Guard.NotNull(utf8Json);
        return Read(() => JsonSerializer.Deserialize(utf8Json, SlaJsonContext.Default.CalendarDocument));
    }

    /// <summary>Writes a calendar as indented JSON that <see cref="Parse(string)"/> reads back to an equal definition.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static string Serialize(BusinessCalendar calendar)
    {
        Guard.NotNull(calendar);
        return JsonSerializer.Serialize(ToDocument(calendar), WritingContext.CalendarDocument);
    }

    private static BusinessCalendar Read(Func<CalendarDocument?> deserialize)
    {
        CalendarDocument? document;
        try
        {
            document = deserialize();
        }
        catch (JsonException exception)
        {
            throw CalendarJsonReader.ToValidationException(exception);
        }

        return CalendarJsonReader.Read(document);
    }

    private static CalendarDocument ToDocument(BusinessCalendar calendar)
    {
        var document = new CalendarDocument { Id = calendar.Id, TimeZone = calendar.Zone.Id };
        if (calendar.IsAlwaysOpen)
        {
            document.AlwaysOpen = true;
            return document;
        }

        var weekly = new Dictionary<string, List<string?>?>();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var hours = calendar.GetWeeklyHours(day);
            if (hours.Count > 0)
            {
                weekly.Add(day.ToString().ToLowerInvariant(), [.. hours.Select(range => range.ToString())]);
            }
        }

        document.Weekly = weekly;
        document.Holidays = Nullable(calendar.Holidays.Select(holiday => new HolidayDocument
        {
            Date = holiday.Date is { } date ? CalendarText.Format(date) : null,
            Annual = holiday.AnnualDate is { } annual ? CalendarText.Format(annual) : null,
            Name = holiday.Name,
            Active = holiday.IsActive ? null : false,
        }));
        document.Overrides = Nullable(calendar.Overrides.Select(item => new OverrideDocument
        {
            Date = CalendarText.Format(item.Date),
            Hours = [.. item.Hours.Select(range => range.ToString())],
            Name = item.Name,
        }));
        document.Breaks = Nullable(calendar.Breaks.Select(item => new BreakDocument
        {
            Date = CalendarText.Format(item.Date),
            Hours = item.Hours.ToString(),
            Reason = item.Reason,
        }));
        return document;
    }

    private static List<T?>? Nullable<T>(IEnumerable<T> items)
        where T : class
    {
        List<T?> list = [.. items];
        return list.Count == 0 ? null : list;
    }
}
