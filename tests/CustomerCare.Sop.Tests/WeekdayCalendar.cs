using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop.Tests;

/// <summary>A business calendar for tests: every minute of Monday to Friday in UTC is business time, weekends are not.</summary>
internal sealed class WeekdayCalendar : IBusinessCalendar
{
    public DateTimeZone Zone => DateTimeZone.Utc;

    public bool IsBusinessTime(Instant instant) => IsBusinessDay(instant.InUtc().Date);

    public Duration BusinessTimeBetween(Instant start, Instant finish)
    {
        if (finish < start)
        {
            return -BusinessTimeBetween(finish, start);
        }

        var total = Duration.Zero;
        var cursor = start;
        while (cursor < finish)
        {
            var nextMidnight = cursor.InUtc().Date.PlusDays(1).AtMidnight().InUtc().ToInstant();
            var end = nextMidnight < finish ? nextMidnight : finish;
            if (IsBusinessTime(cursor))
            {
                total += end - cursor;
            }

            cursor = end;
        }

        return total;
    }

    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, Duration.Zero);
        var cursor = start;
        var left = amount;
        while (true)
        {
            var nextMidnight = cursor.InUtc().Date.PlusDays(1).AtMidnight().InUtc().ToInstant();
            if (IsBusinessTime(cursor))
            {
                if (cursor + left <= nextMidnight)
                {
                    return cursor + left;
                }

                left -= nextMidnight - cursor;
            }

            cursor = nextMidnight;
        }
    }

    public Instant AddBusinessDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = start.InUtc().LocalDateTime;
        var date = local.Date;
        for (var counted = 0; counted < days;)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        return date.At(local.TimeOfDay).InUtc().ToInstant();
    }

    private static bool IsBusinessDay(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}
