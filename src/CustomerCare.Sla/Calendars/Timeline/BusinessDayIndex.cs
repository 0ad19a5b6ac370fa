using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// The business days of one calendar, per local year, as sorted day numbers built on first use and cached.
/// A business day is a local date that contains business time.
/// </summary>
/// <remarks>Thread safety follows <see cref="BusinessTimeline"/>: a year may be built twice, and both results are equal.</remarks>
internal sealed class BusinessDayIndex
{
    // Local dates of supported instants lie within these years in every zone.
    private const int FirstYear = 1899;
    private const int LastYear = 2150;
    private const int HorizonDays = (int)(BusinessTimeline.Horizon / TimeScale.NanosecondsPerDay);

    private readonly BusinessTimeline _timeline;
    private readonly DateTimeZone _zone;
    private readonly string _calendarId;
    private readonly int[]?[] _years = new int[LastYear - FirstYear + 1][];

    public BusinessDayIndex(BusinessTimeline timeline, DateTimeZone zone, string calendarId)
    {
        _timeline = timeline;
        _zone = zone;
        _calendarId = calendarId;
    }

    public static bool IsSupported(LocalDate date) => date.Year is >= FirstYear and <= LastYear && date.Calendar == CalendarSystem.Iso;

    public bool IsBusinessDay(LocalDate date) => Array.BinarySearch(Year(date.Year), TimeScale.DayNumber(date)) >= 0;

    /// <summary>Returns the day number of the <paramref name="count"/>-th business day after the day <paramref name="after"/>.</summary>
    public int FindAfter(int after, int count, Instant searchStart, string paramName)
    {
        Guard.Invariant(count > 0);
        var year = TimeScale.DateOf(after).Year;
        var days = Year(year);
        var position = UpperBound(days, after);
        var lastBusinessDay = after;
        while (true)
        {
            var available = days.Length - position;
            if (count <= available)
            {
                return days[position + count - 1];
            }

            if (available > 0)
            {
                lastBusinessDay = days[^1];
                count -= available;
            }

            if (++year > LastYear)
            {
                CalendarErrors.ThrowResultAfterRange(paramName);
            }

            days = Year(year);
            position = 0;
            var reach = days.Length == 0 ? TimeScale.DayNumber(new LocalDate(year, 12, 31)) : days[0];
            if (reach - lastBusinessDay > HorizonDays)
            {
                CalendarErrors.ThrowNoBusinessDay(_calendarId, TimeScale.DateOf(lastBusinessDay), searchStart, forward: true);
            }
        }
    }

    /// <summary>Returns how many business days lie in <c>(from, to]</c>, for day numbers <c>from ≤ to</c>.</summary>
    public int CountBetween(int from, int to)
    {
        Guard.Invariant(from <= to);
        var firstYear = TimeScale.DateOf(from).Year;
        var lastYear = TimeScale.DateOf(to).Year;
        var count = 0;
        for (var year = firstYear; year <= lastYear; year++)
        {
            var days = Year(year);
            var low = year == firstYear ? UpperBound(days, from) : 0;
            var high = year == lastYear ? UpperBound(days, to) : days.Length;
            count += high - low;
        }

        return count;
    }

    private int[] Year(int year)
    {
        Guard.Invariant(year is >= FirstYear and <= LastYear);
        return Volatile.Read(ref _years[year - FirstYear]) ?? Build(year);
    }

    private int[] Build(int year)
    {
        var days = new List<int>(366);
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            if (HasBusinessTime(date))
            {
                days.Add(TimeScale.DayNumber(date));
            }
        }

        int[] result = [.. days];
        return Interlocked.CompareExchange(ref _years[year - FirstYear], result, null) ?? result;
    }

    /// <summary>Returns whether some instant whose local date is <paramref name="date"/> is business time.</summary>
    /// <remarks>
    /// Within one zone interval of offset <c>o</c>, the local date is <paramref name="date"/> for the instants from
    /// its midnight minus <c>o</c> to the next midnight minus <c>o</c>. A date can have two such pieces: in
    /// America/St_Johns until 2011 the clocks went back from 00:01 to 23:01, so on 2000-10-28 the hour 23:01-00:00
    /// came twice, the second time after Sunday had begun. A date that the zone skips has no piece.
    /// </remarks>
    private bool HasBusinessTime(LocalDate date)
    {
        var midnight = date.AtMidnight().InUtc().ToInstant();
        var nextMidnight = date.PlusDays(1).AtMidnight().InUtc().ToInstant();

        // Offsets stay within 18 hours, so every instant of the date lies within a day of its UTC reading.
        var first = Clamp(midnight - Duration.FromDays(1));
        var last = Clamp(nextMidnight + Duration.FromDays(1));
        foreach (var interval in _zone.GetZoneIntervals(TimeScale.ToInstant(first), TimeScale.ToInstant(last)))
        {
            var offset = Duration.FromSeconds(interval.WallOffset.Seconds);
            var start = Math.Max(Clamp(midnight - offset), interval.HasStart ? Clamp(interval.Start) : first);
            var end = Math.Min(Clamp(nextMidnight - offset), interval.HasEnd ? Clamp(interval.End) : last);
            if (start < end && _timeline.Between(start, end) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static long Clamp(Instant instant) =>
        instant <= TimeScale.ToInstant(TimeScale.MinNanoseconds) ? TimeScale.MinNanoseconds
        : instant >= TimeScale.ToInstant(TimeScale.MaxNanoseconds) ? TimeScale.MaxNanoseconds
        : TimeScale.ToNanoseconds(instant);

    private static int UpperBound(int[] values, int value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (values[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
