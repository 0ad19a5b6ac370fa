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
    private static readonly LocalDate Epoch = new(1900, 1, 1);

    private readonly Dictionary<LocalDate, (Instant Open, Instant Close)> _hours = [];

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
    /// Returns the business time from the start of the calendar's epoch (Monday 1 January 1900) to <paramref name="instant"/>,
    /// so that a span costs two look-ups whatever its length. Every whole workday counts 8 hours, which holds in zones
    /// whose offset does not change between 09:00 and 17:00.
    /// </summary>
    private Duration BusinessTimeBefore(Instant instant)
    {
        var date = instant.InZone(Zone).Date;
        var days = Period.Between(Epoch, date, PeriodUnits.Days).Days;
        var weeks = Math.DivRem(days, 7, out var rest);
        if (rest < 0)
        {
            weeks--;
            rest += 7;
        }

        // The epoch is a Monday, so the first min(rest, 5) days of the current week are workdays.
        var before = Duration.FromHours(8L * ((5L * weeks) + Math.Min(rest, 5)));
        if (!IsWorkday(date))
        {
            return before;
        }

        var (open, close) = Hours(date);
        return before + (instant <= open ? Duration.Zero : instant >= close ? close - open : instant - open);
    }

    private (Instant Open, Instant Close) Hours(LocalDate date)
    {
        lock (_hours)
        {
            if (!_hours.TryGetValue(date, out var hours))
            {
                hours = (Zone.AtLeniently(date + Opens).ToInstant(), Zone.AtLeniently(date + Closes).ToInstant());
                _hours.Add(date, hours);
            }

            return hours;
        }
    }

    private static bool IsWorkday(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}
