using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>Business time over a clock's running segments.</summary>
internal static class ClockMath
{
    /// <summary>
    /// Returns the earliest instant at which <paramref name="amount"/> of business time has run within the segments, or
    /// <see langword="null"/> when the closed segments hold less and no segment is open.
    /// </summary>
    /// <remarks>
    /// Pauses are removed in business time, because the walk adds the business time of each running segment on the
    /// calendar. A pause from Friday 16:00 to Monday 10:00 in an office open 09:00-17:00 therefore removes two business
    /// hours, not 66 hours of wall-clock time.
    /// </remarks>
    public static Instant? ReachedAt(IBusinessCalendar calendar, Duration amount, List<Segment> segments)
    {
        var remaining = amount;
        foreach (var segment in segments)
        {
            if (segment.End is not { } end)
            {
                return calendar.AddBusinessTime(segment.Start, remaining);
            }

            var available = calendar.BusinessTimeBetween(segment.Start, end);
            if (remaining <= available)
            {
                return calendar.AddBusinessTime(segment.Start, remaining);
            }

            remaining -= available;
        }

        return null;
    }

    /// <summary>
    /// Stores the business time of each segment up to <paramref name="now"/> in <paramref name="available"/> and
    /// returns their sum: the business time that ran before <paramref name="now"/>.
    /// </summary>
    public static Duration MeasureSegments(IBusinessCalendar calendar, List<Segment> segments, Instant now, Span<Duration> available)
    {
        Guard.Invariant(available.Length == segments.Count);
        var elapsed = Duration.Zero;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var end = segment.End is { } closed && closed < now ? closed : now;
            available[i] = segment.Start < end ? calendar.BusinessTimeBetween(segment.Start, end) : Duration.Zero;
            elapsed += available[i];
        }

        return elapsed;
    }

    /// <summary>
    /// Returns what <see cref="ReachedAt(IBusinessCalendar, Duration, List{Segment})"/> returns, reusing the business time
    /// per segment from <see cref="MeasureSegments"/>, which must cover every closed segment completely.
    /// </summary>
    public static Instant? ReachedAt(IBusinessCalendar calendar, Duration amount, List<Segment> segments, ReadOnlySpan<Duration> available)
    {
        var remaining = amount;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].End is null || remaining <= available[i])
            {
                return calendar.AddBusinessTime(segments[i].Start, remaining);
            }

            remaining -= available[i];
        }

        return null;
    }

    /// <summary>
    /// Returns the first instant up to and including <paramref name="end"/> at which the target in effect was used up
    /// while the clock was not stopped, or <see langword="null"/> when that never happened.
    /// </summary>
    /// <param name="periods">The targets of the cycle in the order they took effect.</param>
    /// <param name="segments">The running segments of the cycle.</param>
    /// <param name="end">The end of the cycle: the evaluation instant or the restart.</param>
    /// <param name="lastDeadline">The deadline of the last period when the caller already has it.</param>
    public static Instant? FindBreach(List<TargetPeriod> periods, List<Segment> segments, Instant end, (bool Known, Instant? Value) lastDeadline)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var last = i == periods.Count - 1;
            var until = last ? end : periods[i + 1].From;
            var deadline = last && lastDeadline.Known
                ? lastDeadline.Value
                : ReachedAt(period.Target.Calendar, period.Target.Duration, segments);
            if (deadline is not { } reached)
            {
                continue;
            }

            // Each target rules from the instant it took effect until the next one does. Every target counts the
            // business time from the cycle's start, so a shorter new target can be used up before it took effect.
            // The clock then breaches as soon as the new target rules, unless the clock is stopped at that time.
            var candidate = reached;
            if (reached < period.From)
            {
                if (period.StateAtChange != RunState.Stopped)
                {
                    candidate = period.From;
                }
                else if (FirstResumeAt(segments, period.From) is { } resume)
                {
                    candidate = resume;
                }
                else
                {
                    continue;
                }
            }

            if (last ? candidate <= until : candidate < until)
            {
                return candidate;
            }
        }

        return null;
    }

    private static Instant? FirstResumeAt(List<Segment> segments, Instant from)
    {
        foreach (var segment in segments)
        {
            if (segment.Start >= from)
            {
                return segment.Start;
            }
        }

        return null;
    }
}
