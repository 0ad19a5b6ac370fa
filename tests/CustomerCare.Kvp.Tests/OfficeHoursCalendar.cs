using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Tests;

/// <summary>
/// A small business calendar for tests: Monday to Friday, 09:00 to 17:00 local time, no holidays. It walks day by day,
/// which is slow but obviously right.
/// </summary>
internal sealed class OfficeHoursCalendar(DateTimeZone zone) : IBusinessCalendar
{
    private static readonly LocalTime Opens = new(9, 0);
    private static readonly LocalTime Closes = new(17, 0);

    public static OfficeHoursCalendar Utc { get; } = new(DateTimeZone.Utc);

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

        var total = Duration.Zero;
        for (var date = start.InZone(Zone).Date; date <= finish.InZone(Zone).Date; date = date.PlusDays(1))
        {
            if (!IsWorkday(date))
            {
                continue;
            }

            var open = Zone.AtLeniently(date + Opens).ToInstant();
            var close = Zone.AtLeniently(date + Closes).ToInstant();
            var from = Instant.Max(open, start);
            var to = Instant.Min(close, finish);
            if (to > from)
            {
                total += to - from;
            }
        }

        return total;
    }

    public Instant AddBusinessTime(Instant start, Duration amount) => throw new NotSupportedException("The metrics never add business time.");

    public Instant AddBusinessDays(Instant start, int days) => throw new NotSupportedException("The metrics never add business days.");

    private static bool IsWorkday(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}
