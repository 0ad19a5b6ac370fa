using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// Thrown when a business calendar search finds nothing within <see cref="BusinessCalendar.SearchHorizon"/>: no
/// business time, no business day or, for a calendar that never closes, no closing.
/// </summary>
/// <remarks>
/// A calendar whose weekly hours are all closed, or whose holidays close every date, has no business time to add.
/// Searches stop at the horizon instead of running through the whole supported range.
/// </remarks>
public sealed class SearchHorizonExceededException : CustomerCareException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="calendarId">The id of the calendar that was searched.</param>
    /// <param name="searchStart">The instant after (or, searching backwards, before) which nothing was found.</param>
    /// <param name="message">The message: what the search looked for and how to fix the calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendarId"/> or <paramref name="message"/> is null.</exception>
    public SearchHorizonExceededException(string calendarId, Instant searchStart, string message)
        : base(Guard.NotNull(message))
    {
        CalendarId = Guard.NotNull(calendarId);
        SearchStart = searchStart;
    }

    /// <summary>Gets the id of the calendar that was searched.</summary>
    public string CalendarId { get; }

    /// <summary>Gets the instant from which the search found nothing within the horizon.</summary>
    public Instant SearchStart { get; }
}
