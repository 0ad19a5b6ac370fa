using System.Collections.Concurrent;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Samples.Importers;

/// <summary>
/// A plain business calendar for the samples: Monday to Friday, 09:00 to 17:00 local time, without holidays. The Sla
/// package provides the full calendar with holidays and overrides.
/// </summary>
public sealed class WeekdayOfficeHoursCalendar(DateTimeZone zone) : IBusinessCalendar
{
    private static readonly LocalTime Opens = new(9, 0);
    private static readonly LocalTime Closes = new(17, 0);

    private readonly ConcurrentDictionary<long, (Instant Open, Instant Close)> _hours = new();

    public DateTimeZone Zone { get; } = zone;

    public bool IsBusinessTime(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        return IsWorkday(local.Date) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes;
    }

    public Duration BusinessTimeBetween(Instant start, Instant finish) => BusinessTimeBefore(finish) - BusinessTimeBefore(start);

    public Instant AddBusinessTime(Instant start, Duration amount) => throw new NotSupportedException("The samples only measure business time.");

    public Instant AddBusinessDays(Instant start, int days) => throw new NotSupportedException("The samples only measure business time.");

    /// <summary>
    /// Returns the business time from a fixed Monday (5 January 1970) to <paramref name="instant"/>, so that a span costs
    /// two readings whatever its length. Every whole workday counts 8 hours, which holds in zones whose offset does not
    /// change between 09:00 and 17:00.
    /// </summary>
    private Duration BusinessTimeBefore(Instant instant)
    {
        // The local day number comes from the offset at the instant; that is cheaper than a ZonedDateTime.
        var localTicks = instant.ToUnixTimeTicks() + Zone.GetUtcOffset(instant).Ticks;
        var day = Math.DivRem(localTicks, NodaConstants.TicksPerDay, out var remainder) - (remainder < 0 ? 1 : 0);
        var sinceMonday = day - 4;
        var weeks = Math.DivRem(sinceMonday, 7, out var weekday);
        if (weekday < 0)
        {
            weeks--;
            weekday += 7;
        }

        var before = Duration.FromHours(8L * ((5L * weeks) + Math.Min(weekday, 5)));
        if (weekday >= 5)
        {
            return before;
        }

        var (open, close) = Hours(day);
        return before + (instant <= open ? Duration.Zero : instant >= close ? close - open : instant - open);
    }

    private (Instant Open, Instant Close) Hours(long day)
    {
        // Reads are lock-free: the values of a day never change, so a race only computes one twice.
        return _hours.GetOrAdd(day, static (d, zone) =>
        {
            var date = new LocalDate(1970, 1, 1).PlusDays((int)d);
            return (zone.AtLeniently(date + Opens).ToInstant(), zone.AtLeniently(date + Closes).ToInstant());
        }, Zone);
    }

    private static bool IsWorkday(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}
