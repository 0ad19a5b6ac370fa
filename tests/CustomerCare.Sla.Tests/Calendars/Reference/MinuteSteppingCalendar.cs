using CustomerCare.Sla.Calendars;
using NodaTime;
using NodaTime.TimeZones;

namespace CustomerCare.Sla.Tests.Calendars.Reference;

/// <summary>
/// A deliberately slow reference for <see cref="BusinessCalendar"/>: it rebuilds the business spans from the public
/// definition with plain lists of local date-times, then computes every result by stepping minute by minute.
/// </summary>
/// <remarks>
/// It shares no code with the calendar engine: it reads only the calendar's public definition and uses NodaTime's
/// resolvers for the local-to-instant mapping. Its results are exact when every time in the definition, every zone
/// offset and every instant it gets is a whole minute. The generators keep to that, because all tzdb zones have
/// whole-minute offsets from 1995 on.
/// </remarks>
public sealed class MinuteSteppingCalendar
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly ZoneLocalMappingResolver Opening = Resolvers.LenientResolver;
    private static readonly ZoneLocalMappingResolver Closing = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    private readonly BusinessCalendar _definition;
    private readonly DateTimeZone _zone;
    private Instant _windowStart = Instant.MaxValue;
    private Instant _windowEnd = Instant.MinValue;
    private List<(Instant Open, Instant Close)> _spans = [];

    public MinuteSteppingCalendar(BusinessCalendar definition)
    {
        _definition = definition;
        _zone = definition.Zone;
    }

    public bool IsBusinessTime(Instant instant)
    {
        Cover(instant, instant);

        // The spans are disjoint and sorted, so the last span opening at or before the instant decides.
        int low = 0, high = _spans.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_spans[middle].Open <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low > 0 && instant < _spans[low - 1].Close;
    }

    public Duration BusinessTimeBetween(Instant start, Instant finish)
    {
        if (finish < start)
        {
            return -BusinessTimeBetween(finish, start);
        }

        Cover(start, finish);
        var minutes = 0L;
        for (var t = start; t < finish; t += Minute)
        {
            if (IsBusinessTime(t))
            {
                minutes++;
            }
        }

        return Duration.FromMinutes(minutes);
    }

    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        var remaining = (long)amount.TotalMinutes;
        var t = start;
        while (remaining > 0)
        {
            if (IsBusinessTime(t))
            {
                remaining--;
            }

            t += Minute;
        }

        return t;
    }

    public Instant SubtractBusinessTime(Instant start, Duration amount)
    {
        var remaining = (long)amount.TotalMinutes;
        var t = start;
        while (remaining > 0)
        {
            t -= Minute;
            if (IsBusinessTime(t))
            {
                remaining--;
            }
        }

        return t;
    }

    public Instant NextBusinessInstant(Instant start)
    {
        var t = start;
        while (!IsBusinessTime(t))
        {
            t += Minute;
        }

        return t;
    }

    public Instant PreviousBusinessInstant(Instant start)
    {
        var t = start;
        while (!IsBusinessTime(t - Minute))
        {
            t -= Minute;
        }

        return t;
    }

    public Instant NextClosing(Instant start)
    {
        var t = start + Minute;
        while (!(IsBusinessTime(t - Minute) && !IsBusinessTime(t)))
        {
            t += Minute;
        }

        return t;
    }

    public bool IsBusinessDay(LocalDate date)
    {
        // Every instant of a local date lies within 20 hours of the same wall-clock reading in UTC.
        var start = date.AtMidnight().InUtc().ToInstant() - Duration.FromHours(20);
        var end = date.PlusDays(1).AtMidnight().InUtc().ToInstant() + Duration.FromHours(20);
        for (var t = start; t < end; t += Minute)
        {
            if (t.InZone(_zone).Date == date && IsBusinessTime(t))
            {
                return true;
            }
        }

        return false;
    }

    public Instant AddBusinessDays(Instant start, int days)
    {
        if (days == 0)
        {
            return start;
        }

        var local = start.InZone(_zone).LocalDateTime;
        var date = local.Date;
        while (days > 0)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                days--;
            }
        }

        return _zone.ResolveLocal(date.At(local.TimeOfDay), Resolvers.LenientResolver).ToInstant();
    }

    /// <summary>Makes sure the spans cover <c>[from, to]</c> with a day to spare, rebuilding them for a wider window when not.</summary>
    private void Cover(Instant from, Instant to)
    {
        if (from >= _windowStart && to <= _windowEnd)
        {
            return;
        }

        // Grow by three weeks at a time, so stepping through a long stretch rebuilds rarely.
        var start = Instant.Min(from, _windowStart == Instant.MaxValue ? from : _windowStart) - Duration.FromDays(21);
        var end = Instant.Max(to, _windowEnd == Instant.MinValue ? to : _windowEnd) + Duration.FromDays(21);
        _spans = BuildSpans(start.InZone(_zone).Date.PlusDays(-3), end.InZone(_zone).Date.PlusDays(3));
        _windowStart = start + Duration.FromDays(1);
        _windowEnd = end - Duration.FromDays(1);
    }

    private List<(Instant Open, Instant Close)> BuildSpans(LocalDate first, LocalDate last)
    {
        var open = new List<(LocalDateTime Start, LocalDateTime End)>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var special = _definition.Overrides.FirstOrDefault(o => o.Date == date);
            var hours = special is null ? _definition.GetWeeklyHours(date.DayOfWeek) : special.Hours;
            foreach (var range in hours)
            {
                var end = range.End > range.Start ? date.At(range.End) : date.PlusDays(1).At(range.End);
                open.Add((date.At(range.Start), end));
            }
        }

        var closed = new List<(LocalDateTime Start, LocalDateTime End)>();
        for (var date = first; date <= last.PlusDays(1); date = date.PlusDays(1))
        {
            if (_definition.Holidays.Any(h => h.IsActive && h.FallsOn(date)))
            {
                closed.Add((date.AtMidnight(), date.PlusDays(1).AtMidnight()));
            }

            foreach (var pause in _definition.Breaks.Where(b => b.Date == date))
            {
                var end = pause.Hours.End == LocalTime.Midnight ? date.PlusDays(1).AtMidnight() : date.At(pause.Hours.End);
                closed.Add((date.At(pause.Hours.Start), end));
            }
        }

        var local = Union(open);
        foreach (var closure in closed)
        {
            local = local.SelectMany(span => Cut(span, closure)).ToList();
        }

        local = Union(local);
        var spans = new List<(Instant Open, Instant Close)>();
        foreach (var (start, end) in local)
        {
            var opening = _zone.ResolveLocal(start, Opening).ToInstant();
            var closing = _zone.ResolveLocal(end, Closing).ToInstant();
            if (opening < closing)
            {
                spans.Add((opening, closing));
            }
        }

        // Spans of different local ranges can overlap around an ambiguous hour; business time is their union.
        var union = new List<(Instant Open, Instant Close)>();
        foreach (var span in spans.OrderBy(s => s.Open))
        {
            if (union.Count > 0 && span.Open <= union[^1].Close)
            {
                union[^1] = (union[^1].Open, Instant.Max(union[^1].Close, span.Close));
            }
            else
            {
                union.Add(span);
            }
        }

        return union;
    }

    private static List<(LocalDateTime Start, LocalDateTime End)> Union(IEnumerable<(LocalDateTime Start, LocalDateTime End)> spans)
    {
        var result = new List<(LocalDateTime Start, LocalDateTime End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (result.Count > 0 && span.Start <= result[^1].End)
            {
                result[^1] = (result[^1].Start, span.End > result[^1].End ? span.End : result[^1].End);
            }
            else
            {
                result.Add(span);
            }
        }

        return result;
    }

    private static IEnumerable<(LocalDateTime Start, LocalDateTime End)> Cut(
        (LocalDateTime Start, LocalDateTime End) span,
        (LocalDateTime Start, LocalDateTime End) closure)
    {
        if (closure.End <= span.Start || closure.Start >= span.End)
        {
            yield return span;
            yield break;
        }

        if (span.Start < closure.Start)
        {
            yield return (span.Start, closure.Start);
        }

        if (closure.End < span.End)
        {
            yield return (closure.End, span.End);
        }
    }
}
