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

    public DateTimeZone Zone { get; } = zone;

    public bool IsBusinessTime(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        return IsWorkday(local.Date) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes;
    }

    public Duration BusinessTimeBetween(Instant start, Instant finish)
    {
        if (finish < start)
        {
            return -BusinessTimeBetween(finish, start);
        }

        var first = start.InZone(Zone).Date;
        var last = finish.InZone(Zone).Date;
        if (first == last)
        {
            return Overlap(first, start, finish);
        }

        // Whole weeks in between count 5 × 8 hours, so long spans cost a constant number of steps.
        var total = Overlap(first, start, finish) + Overlap(last, start, finish);
        var date = first.PlusDays(1);
        var between = Period.Between(date, last, PeriodUnits.Days).Days;
        var weeks = between / 7;
        total += Duration.FromHours(40L * weeks);
        for (date = date.PlusDays(weeks * 7); date < last; date = date.PlusDays(1))
        {
            total += Overlap(date, start, finish);
        }

        return total;
    }

    public Instant AddBusinessTime(Instant start, Duration amount) => throw new NotSupportedException("The samples only measure business time.");

    public Instant AddBusinessDays(Instant start, int days) => throw new NotSupportedException("The samples only measure business time.");

    private Duration Overlap(LocalDate date, Instant start, Instant finish)
    {
        if (!IsWorkday(date))
        {
            return Duration.Zero;
        }

        var open = Instant.Max(Zone.AtLeniently(date + Opens).ToInstant(), start);
        var close = Instant.Min(Zone.AtLeniently(date + Closes).ToInstant(), finish);
        return close > open ? close - open : Duration.Zero;
    }

    private static bool IsWorkday(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}
