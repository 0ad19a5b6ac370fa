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
        var date = new LocalDate(year, 1, 1);
        var start = StartOfDay(date);
        while (date.Year == year)
        {
            var next = date.PlusDays(1);
            var end = StartOfDay(next);
            if (start < end && _timeline.Between(start, end) > 0)
            {
                days.Add(TimeScale.DayNumber(date));
            }

            date = next;
            start = end;
        }

        int[] result = [.. days];
        return Interlocked.CompareExchange(ref _years[year - FirstYear], result, null) ?? result;
    }

    /// <summary>Returns the first instant whose local date is <paramref name="date"/> or later, clamped to the supported range.</summary>
    /// <remarks>
    /// When midnight falls into a gap, the day starts at the transition, as in America/Sao_Paulo on 2018-11-04 at
    /// 01:00-02:00. A date that the zone skips entirely, such as 2011-12-30 in Pacific/Apia, starts at the same instant
    /// as the next date, so it has no instants and is no business day.
    /// </remarks>
    private long StartOfDay(LocalDate date)
    {
        var mapping = _zone.MapLocal(date.AtMidnight());
        var instant = mapping.Count == 0 ? mapping.LateInterval.Start : mapping.First().ToInstant();
        var nanoseconds = TimeScale.ToNanoseconds(instant);
        return Math.Clamp(nanoseconds, TimeScale.MinNanoseconds, TimeScale.MaxNanoseconds);
    }

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
