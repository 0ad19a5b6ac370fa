using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Tests.Support;

/// <summary>
/// A small business calendar for tests: the same opening hours Monday to Friday in one time zone, minus holidays.
/// The Sla package provides the real implementation; this one walks day by day and is only as fast as tests need.
/// </summary>
internal sealed class WeekdayCalendar(DateTimeZone zone, LocalTime open, LocalTime close, params LocalDate[] holidays) : IBusinessCalendar
{
    public static WeekdayCalendar Berlin { get; } = new(DateTimeZoneProviders.Tzdb["Europe/Berlin"], new LocalTime(8, 0), new LocalTime(18, 0));

    public DateTimeZone Zone => zone;

    public bool IsBusinessTime(Instant instant)
    {
        var local = instant.InZone(zone);
        return IsBusinessDay(local.Date) && local.TimeOfDay >= open && local.TimeOfDay < close;
    }

    public Duration BusinessTimeBetween(Instant start, Instant finish)
    {
        if (finish < start)
        {
            return -BusinessTimeBetween(finish, start);
        }

        var total = Duration.Zero;
        for (var date = start.InZone(zone).Date; date <= finish.InZone(zone).Date; date = date.PlusDays(1))
        {
            if (Span(date) is { } span)
            {
                var from = Max(span.Open, start);
                var to = Min(span.Close, finish);
                if (to > from)
                {
                    total += to - from;
                }
            }
        }

        return total;
    }

    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must not be negative.");
        }

        if (amount == Duration.Zero)
        {
            return start;
        }

        var remaining = amount;
        for (var date = start.InZone(zone).Date; ; date = date.PlusDays(1))
        {
            if (Span(date) is not { } span || span.Close <= start)
            {
                continue;
            }

            var from = Max(span.Open, start);
            var available = span.Close - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }
    }

    public Instant AddBusinessDays(Instant start, int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The number of days must not be negative.");
        }

        var local = start.InZone(zone);
        var date = local.Date;
        for (var added = 0; added < days;)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                added++;
            }
        }

        return days == 0 ? start : zone.AtLeniently(date + local.TimeOfDay).ToInstant();
    }

    private bool IsBusinessDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(date);

    private (Instant Open, Instant Close)? Span(LocalDate date) =>
        IsBusinessDay(date) ? (zone.AtLeniently(date + open).ToInstant(), zone.AtLeniently(date + close).ToInstant()) : null;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
