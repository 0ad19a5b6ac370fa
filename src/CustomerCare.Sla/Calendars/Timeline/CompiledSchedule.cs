using NodaTime;
using NodaTime.TimeZones;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// A validated calendar definition in the engine's form: local hours as nanoseconds after midnight, dates as day
/// numbers. It turns a stretch of the timeline into business spans.
/// </summary>
/// <remarks>
/// <para>
/// The business spans of a stretch are found in four steps. First, every date contributes the hours of its
/// override, or else of its weekday, as local spans; an overnight shift runs into the next date. Second, holidays
/// (whole dates) and breaks are cut out, and spans that touch are joined, also across midnight, so the result depends
/// only on which local times are open and not on how the hours were written. Third, each joined local span maps to
/// instants: its opening with the earlier instant of an ambiguous local time and its closing with the later one, and
/// a local time in a daylight-saving gap moves forward by the length of the gap. A span that becomes empty this way is
/// dropped. Fourth, spans that now overlap are joined.
/// </para>
/// <para>
/// Worked example: in Europe/Berlin on 2026-03-29 the local hour 02:00-03:00 does not exist. Hours 01:00-02:30
/// therefore map to 01:00+01:00 until 03:30+02:00, which is 1.5 hours of elapsed time. Hours 02:30-03:00 map to
/// 03:30+02:00 until 03:00+02:00, which is empty, so they are dropped.
/// </para>
/// </remarks>
internal sealed class CompiledSchedule
{
    private const long Day = TimeScale.NanosecondsPerDay;

    private static readonly ZoneLocalMappingResolver OpeningResolver = Resolvers.LenientResolver;
    private static readonly ZoneLocalMappingResolver ClosingResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    private readonly long[][] _weekly;
    private readonly Dictionary<int, long[]> _overrides;
    private readonly HashSet<int> _holidayDays;
    private readonly bool[] _annualHolidays;
    private readonly Dictionary<int, long[]> _breaks;

    /// <summary>Initializes a schedule from definitions that are already validated and joined.</summary>
    /// <param name="zone">The calendar's zone.</param>
    /// <param name="weekly">Seven arrays, Monday first, of joined local spans as (start, end) pairs after midnight.</param>
    /// <param name="overrides">Joined local spans per overridden day number.</param>
    /// <param name="holidayDays">Day numbers of active one-off holidays.</param>
    /// <param name="annualHolidays">Active annual holidays, indexed by <c>month * 32 + day</c>.</param>
    /// <param name="breaks">Joined closed spans within the day per day number.</param>
    public CompiledSchedule(
        DateTimeZone zone,
        long[][] weekly,
        Dictionary<int, long[]> overrides,
        HashSet<int> holidayDays,
        bool[] annualHolidays,
        Dictionary<int, long[]> breaks)
    {
        Guard.Invariant(weekly.Length == 7);
        Guard.Invariant(annualHolidays.Length == 13 * 32);
        Zone = zone;
        _weekly = weekly;
        _overrides = overrides;
        _holidayDays = holidayDays;
        _annualHolidays = annualHolidays;
        _breaks = breaks;
    }

    public DateTimeZone Zone { get; }

    /// <summary>Returns whether an active holiday closes the local date with day number <paramref name="day"/>.</summary>
    public bool IsHoliday(int day)
    {
        if (_holidayDays.Contains(day))
        {
            return true;
        }

        var date = TimeScale.DateOf(day);
        return _annualHolidays[date.Month * 32 + date.Day];
    }

    /// <summary>Returns the business spans within <c>[start, end)</c> as alternating, strictly increasing bounds.</summary>
    public long[] BuildBounds(long start, long end)
    {
        // Three days of margin on each side cover overnight shifts (up to 24 hours past their date), the largest
        // zone offsets (±18 hours) and even a skipped calendar day, such as Pacific/Apia on 2011-12-30. Spans cut at
        // the edges of this window map to instants outside [start, end), so the cuts never show.
        var firstDay = LocalDayNumber(start) - 3;
        var endDay = LocalDayNumber(end) + 3;

        var open = new List<long>();
        for (var day = firstDay; day < endDay; day++)
        {
            var hours = _overrides.TryGetValue(day, out var special) ? special : _weekly[TimeScale.WeekdayIndex(day)];
            var midnight = (long)day * Day;
            for (var i = 0; i < hours.Length; i += 2)
            {
                AppendJoined(open, midnight + hours[i], midnight + hours[i + 1]);
            }
        }

        var closed = new List<long>();
        for (var day = firstDay; day <= endDay; day++)
        {
            var midnight = (long)day * Day;
            if (IsHoliday(day))
            {
                AppendJoined(closed, midnight, midnight + Day);
            }
            else if (_breaks.TryGetValue(day, out var pauses))
            {
                for (var i = 0; i < pauses.Length; i += 2)
                {
                    AppendJoined(closed, midnight + pauses[i], midnight + pauses[i + 1]);
                }
            }
        }

        var local = Subtract(open, closed);
        var spans = new List<(long Open, long Close)>(local.Count / 2);
        for (var i = 0; i < local.Count; i += 2)
        {
            var opening = Map(local[i], OpeningResolver);
            var closing = Map(local[i + 1], ClosingResolver);
            if (opening < closing)
            {
                spans.Add((opening, closing));
            }
        }

        // A forward shift out of a gap can move an opening past the start of the next span, so sort before joining.
        spans.Sort(static (a, b) => a.Open.CompareTo(b.Open));
        var bounds = new List<long>(spans.Count * 2);
        foreach (var (opening, closing) in spans)
        {
            var from = Math.Max(opening, start);
            var to = Math.Min(closing, end);
            if (from < to)
            {
                AppendJoined(bounds, from, to);
            }
        }

        return [.. bounds];
    }

    private int LocalDayNumber(long instant) => TimeScale.DayNumber(TimeScale.ToInstant(instant).InZone(Zone).Date);

    private long Map(long localNanoseconds, ZoneLocalMappingResolver resolver) =>
        TimeScale.ToNanoseconds(Zone.ResolveLocal(TimeScale.ToLocalDateTime(localNanoseconds), resolver).ToInstant());

    /// <summary>Appends <c>[from, to)</c> to sorted, joined pairs, joining it with the last pair when they touch or overlap.</summary>
    private static void AppendJoined(List<long> pairs, long from, long to)
    {
        Guard.Invariant(pairs.Count == 0 || from >= pairs[^2]);
        if (pairs.Count > 0 && from <= pairs[^1])
        {
            pairs[^1] = Math.Max(pairs[^1], to);
            return;
        }

        pairs.Add(from);
        pairs.Add(to);
    }

    /// <summary>Returns the parts of <paramref name="open"/> outside <paramref name="closed"/>; both are sorted, joined pairs.</summary>
    private static List<long> Subtract(List<long> open, List<long> closed)
    {
        var result = new List<long>(open.Count);
        var c = 0;
        for (var i = 0; i < open.Count; i += 2)
        {
            var from = open[i];
            var to = open[i + 1];
            while (c < closed.Count && closed[c + 1] <= from)
            {
                c += 2;
            }

            var k = c;
            while (from < to && k < closed.Count && closed[k] < to)
            {
                if (closed[k] > from)
                {
                    result.Add(from);
                    result.Add(closed[k]);
                }

                from = Math.Max(from, closed[k + 1]);
                k += 2;
            }

            if (from < to)
            {
                result.Add(from);
                result.Add(to);
            }
        }

        return result;
    }
}
