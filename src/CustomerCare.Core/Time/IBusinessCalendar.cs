using NodaTime;

namespace CustomerCare.Core;

/// <summary>
/// Measures business time: the instants at which the service organization works, such as Monday to Friday
/// 08:00 to 18:00 in Europe/Berlin without public holidays.
/// </summary>
/// <remarks>
/// <para>
/// Routing timeouts and improvement metrics that count in business time take this interface, so they do not depend
/// on how calendars are defined. The CustomerCare.Sla package provides the implementation with weekly hours,
/// holidays, date overrides and time zones.
/// </para>
/// <para>
/// Business spans are half-open: an opening instant is business time and a closing instant is not. Durations are
/// elapsed time, so a span that contains a daylight-saving change is one hour shorter or longer than its wall-clock
/// reading. Implementations must be thread-safe.
/// </para>
/// <para>
/// A calendar may have no business time ahead, for example when all its hours are closed. Searches then stop at a
/// horizon that the implementation documents and throw a <see cref="CustomerCareException"/> instead of running on.
/// </para>
/// </remarks>
public interface IBusinessCalendar
{
    /// <summary>Gets the time zone in which the calendar's local hours and dates apply.</summary>
    DateTimeZone Zone { get; }

    /// <summary>Returns whether <paramref name="instant"/> is business time.</summary>
    /// <param name="instant">The instant to test.</param>
    /// <returns><see langword="true"/> when the instant lies within an open span.</returns>
    bool IsBusinessTime(Instant instant);

    /// <summary>Returns the business time between two instants, negative when <paramref name="finish"/> is before <paramref name="start"/>.</summary>
    /// <param name="start">The start instant.</param>
    /// <param name="finish">The finish instant.</param>
    /// <returns>The business time in <c>[start, finish)</c>, or the negated business time in <c>[finish, start)</c> when <paramref name="finish"/> is earlier.</returns>
    Duration BusinessTimeBetween(Instant start, Instant finish);

    /// <summary>Returns the earliest instant at or after <paramref name="start"/> that is <paramref name="amount"/> of business time later.</summary>
    /// <param name="start">The start instant.</param>
    /// <param name="amount">The business time to add, zero or positive.</param>
    /// <returns>The earliest <c>t ≥ start</c> with exactly <paramref name="amount"/> of business time in <c>[start, t)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="CustomerCareException">The calendar has no business time within its search horizon.</exception>
    Instant AddBusinessTime(Instant start, Duration amount);

    /// <summary>Returns the instant <paramref name="days"/> business days after <paramref name="start"/>, at the same local time of day.</summary>
    /// <param name="start">The start instant.</param>
    /// <param name="days">The number of business days, zero or positive.</param>
    /// <returns>
    /// <paramref name="start"/> when <paramref name="days"/> is 0. Otherwise the instant on the <paramref name="days"/>-th
    /// business day after the local date of <paramref name="start"/> (that date itself does not count) at the local time
    /// of <paramref name="start"/>. A business day is a local date that contains business time. A local time inside a
    /// daylight-saving gap moves forward by the length of the gap, and an ambiguous local time takes the earlier instant.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="CustomerCareException">The calendar has no business day within its search horizon.</exception>
    Instant AddBusinessDays(Instant start, int days);
}
