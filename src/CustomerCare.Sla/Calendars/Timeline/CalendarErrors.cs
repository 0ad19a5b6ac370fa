using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>The exceptions of calendar operations, written once so every operation words them the same way.</summary>
internal static class CalendarErrors
{
    private static string Range =>
        $"{CalendarText.Format(TimeScale.MinInstant)} to {CalendarText.Format(TimeScale.MaxInstant)}";

    private static string HorizonDays => $"{BusinessCalendar.SearchHorizon.Days} days";

    public static Instant RequireSupported(Instant instant, string paramName)
    {
        if (!TimeScale.IsSupported(instant))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                instant,
                $"Instant {CalendarText.Format(instant)} is outside the range that business calendars support, {Range}.");
        }

        return instant;
    }

    [DoesNotReturn]
    public static void ThrowResultAfterRange(string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            $"The result would lie after {CalendarText.Format(TimeScale.MaxInstant)}, the end of the range that business calendars support ({Range}). Use a smaller amount or an earlier start.");

    [DoesNotReturn]
    public static void ThrowResultBeforeRange(string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            $"The result would lie before {CalendarText.Format(TimeScale.MinInstant)}, the start of the range that business calendars support ({Range}). Use a smaller amount or a later start.");

    [DoesNotReturn]
    public static void ThrowNoBusinessTimeAfter(string calendarId, long after) =>
        throw new SearchHorizonExceededException(
            calendarId,
            TimeScale.ToInstant(after),
            $"Calendar '{calendarId}' has no business time in the {HorizonDays} after {CalendarText.Format(TimeScale.ToInstant(after))}, the search horizon. Add weekly hours or date overrides, or check for holidays that close every date.");

    [DoesNotReturn]
    public static void ThrowNoBusinessTimeBefore(string calendarId, long before) =>
        throw new SearchHorizonExceededException(
            calendarId,
            TimeScale.ToInstant(before),
            $"Calendar '{calendarId}' has no business time in the {HorizonDays} before {CalendarText.Format(TimeScale.ToInstant(before))}, the search horizon. Add weekly hours or date overrides, or check for holidays that close every date.");

    [DoesNotReturn]
    public static void ThrowNoClosing(string calendarId, long after) =>
        throw new SearchHorizonExceededException(
            calendarId,
            TimeScale.ToInstant(after),
            $"Calendar '{calendarId}' does not close in the {HorizonDays} after {CalendarText.Format(TimeScale.ToInstant(after))}, the search horizon. An always-open calendar has no closing; check IsAlwaysOpen first.");

    [DoesNotReturn]
    public static void ThrowNoBusinessDay(string calendarId, LocalDate after, Instant searchStart, bool forward) =>
        throw new SearchHorizonExceededException(
            calendarId,
            searchStart,
            $"Calendar '{calendarId}' has no business day in the {HorizonDays} {(forward ? "after" : "before")} {CalendarText.Format(after)}, the search horizon. Add weekly hours or date overrides, or check for holidays that close every date.");
}
