using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// The business spans of one calendar over the whole supported range, computed block by block on first use and
/// cached, with the operations of <see cref="BusinessCalendar"/> on nanosecond instants.
/// </summary>
/// <remarks>
/// <para>
/// The timeline is cut into blocks of 2^55 nanoseconds (about 417 days). A block holds its spans as sorted bounds
/// with running totals (<see cref="SpanBlock"/>), so a position is a binary search and a whole block is skipped by
/// its total. Amounts of any size therefore cost one search per block crossed, and the queries allocate nothing once
/// their blocks exist.
/// </para>
/// <para>
/// Thread safety: a block is immutable once built. Two threads that need the same missing block may both build it;
/// the first one published wins, and both results are equal.
/// </para>
/// </remarks>
internal sealed class BusinessTimeline
{
    /// <summary>The search horizon in nanoseconds: 3,653 days, about 10 years. A constant, so no type initializer depends on another.</summary>
    public const long Horizon = 3653 * TimeScale.NanosecondsPerDay;

    private const int BlockShift = 55;

    private static readonly long FirstBlock = TimeScale.MinNanoseconds >> BlockShift;
    private static readonly int BlockCount = (int)((TimeScale.MaxNanoseconds >> BlockShift) - FirstBlock + 1);

    private readonly CompiledSchedule _schedule;
    private readonly string _calendarId;
    private readonly SpanBlock?[] _blocks = new SpanBlock?[BlockCount];

    public BusinessTimeline(CompiledSchedule schedule, string calendarId)
    {
        _schedule = schedule;
        _calendarId = calendarId;
    }

    public bool IsBusiness(long instant)
    {
        var block = BlockAt(IndexOf(instant));
        return (block.CountAtOrBefore(instant) & 1) == 1;
    }

    /// <summary>Returns the business time in <c>[from, to)</c> for <c>from ≤ to</c>.</summary>
    public long Between(long from, long to)
    {
        Guard.Invariant(from <= to);
        var first = IndexOf(from);
        var last = IndexOf(to);
        var block = BlockAt(first);
        if (first == last)
        {
            return block.BusinessBefore(to) - block.BusinessBefore(from);
        }

        var sum = block.Total - block.BusinessBefore(from);
        for (var index = first + 1; index < last; index++)
        {
            sum += BlockAt(index).Total;
        }

        return sum + BlockAt(last).BusinessBefore(to);
    }

    /// <summary>Returns the earliest instant with <paramref name="amount"/> business time in <c>[start, instant)</c>, for a positive amount.</summary>
    public long Add(long start, long amount, string amountName)
    {
        Guard.Invariant(amount > 0);
        var index = IndexOf(start);
        var block = BlockAt(index);
        var target = block.BusinessBefore(start) + amount;
        var lastBusiness = start;
        while (target > block.Total)
        {
            target -= block.Total;
            if (!block.IsEmpty)
            {
                lastBusiness = Math.Max(lastBusiness, block.Bounds[^1]);
            }

            if (++index == BlockCount)
            {
                CalendarErrors.ThrowResultAfterRange(amountName);
            }

            block = BlockAt(index);
            var reach = block.IsEmpty ? block.End : block.Bounds[0];
            if (reach - lastBusiness > Horizon)
            {
                CalendarErrors.ThrowNoBusinessTimeAfter(_calendarId, lastBusiness);
            }
        }

        var result = block.FindForward(target);
        if (result > TimeScale.MaxNanoseconds)
        {
            CalendarErrors.ThrowResultAfterRange(amountName);
        }

        return result;
    }

    /// <summary>Returns the latest instant with <paramref name="amount"/> business time in <c>[instant, start)</c>, for a positive amount.</summary>
    public long Subtract(long start, long amount, string amountName)
    {
        Guard.Invariant(amount > 0);
        var index = IndexOf(start);
        var block = BlockAt(index);
        var target = block.BusinessBefore(start) - amount;
        var earliestBusiness = start;
        while (target < 0)
        {
            if (!block.IsEmpty)
            {
                earliestBusiness = Math.Min(earliestBusiness, block.Bounds[0]);
            }

            if (--index < 0)
            {
                CalendarErrors.ThrowResultBeforeRange(amountName);
            }

            block = BlockAt(index);
            target += block.Total;
            var reach = block.IsEmpty ? block.Start : block.Bounds[^1];
            if (earliestBusiness - reach > Horizon)
            {
                CalendarErrors.ThrowNoBusinessTimeBefore(_calendarId, earliestBusiness);
            }
        }

        var result = block.FindBackward(target);
        if (result < TimeScale.MinNanoseconds)
        {
            CalendarErrors.ThrowResultBeforeRange(amountName);
        }

        return result;
    }

    /// <summary>Returns the earliest business instant at or after <paramref name="instant"/>.</summary>
    public long NextBusiness(long instant, string instantName)
    {
        var index = IndexOf(instant);
        var block = BlockAt(index);
        var count = block.CountAtOrBefore(instant);
        if ((count & 1) == 1)
        {
            return instant;
        }

        var opening = count < block.Bounds.Length
            ? block.Bounds[count]
            : FirstOpeningAfterBlock(index, instant, instantName, out _);
        if (opening > TimeScale.MaxNanoseconds)
        {
            CalendarErrors.ThrowResultAfterRange(instantName);
        }

        return opening;
    }

    /// <summary>
    /// Returns the latest instant at or before <paramref name="instant"/> that business time immediately precedes:
    /// the instant itself inside a span or at its closing, otherwise the closing of the latest span before it.
    /// </summary>
    public long PreviousBusiness(long instant, string instantName)
    {
        var index = IndexOf(instant);
        var block = BlockAt(index);
        var count = block.CountBefore(instant);
        if ((count & 1) == 1)
        {
            return instant;
        }

        var closing = count > 0 ? block.Bounds[count - 1] : LastClosingBeforeBlock(index, instant, instantName);
        if (closing < TimeScale.MinNanoseconds)
        {
            CalendarErrors.ThrowResultBeforeRange(instantName);
        }

        return closing;
    }

    /// <summary>Returns the earliest closing after <paramref name="instant"/>; spans cut at block edges do not close there.</summary>
    public long NextClosing(long instant, string instantName)
    {
        var index = IndexOf(instant);
        var block = BlockAt(index);
        var count = block.CountAtOrBefore(instant);
        long closing;
        if ((count & 1) == 1)
        {
            closing = block.Bounds[count];
        }
        else if (count < block.Bounds.Length)
        {
            closing = block.Bounds[count + 1];
        }
        else
        {
            FirstOpeningAfterBlock(index, instant, instantName, out index);
            block = BlockAt(index);
            closing = block.Bounds[1];
        }

        // A span that reaches the end of its block and continues at the start of the next one has not closed.
        while (closing == block.End)
        {
            if (index + 1 == BlockCount)
            {
                CalendarErrors.ThrowResultAfterRange(instantName);
            }

            var next = BlockAt(index + 1);
            if (next.IsEmpty || next.Bounds[0] != next.Start)
            {
                break;
            }

            index++;
            block = next;
            closing = block.Bounds[1];
            if (closing - instant > Horizon)
            {
                CalendarErrors.ThrowNoClosing(_calendarId, instant);
            }
        }

        if (closing > TimeScale.MaxNanoseconds)
        {
            CalendarErrors.ThrowResultAfterRange(instantName);
        }

        return closing;
    }

    /// <summary>Adds the business spans within <c>[from, to)</c> to <paramref name="spans"/>, clipped to it and joined across block edges.</summary>
    public void CollectSpans(long from, long to, List<Interval> spans)
    {
        var openFrom = long.MinValue;
        var openTo = long.MinValue;
        var last = IndexOf(to);
        for (var index = IndexOf(from); index <= last; index++)
        {
            var block = BlockAt(index);
            var bounds = block.Bounds;
            for (var i = block.CountAtOrBefore(from) & ~1; i < bounds.Length && bounds[i] < to; i += 2)
            {
                var start = Math.Max(bounds[i], from);
                var end = Math.Min(bounds[i + 1], to);
                if (start == openTo)
                {
                    openTo = end;
                    continue;
                }

                if (openTo > openFrom)
                {
                    spans.Add(new Interval(TimeScale.ToInstant(openFrom), TimeScale.ToInstant(openTo)));
                }

                openFrom = start;
                openTo = end;
            }
        }

        if (openTo > openFrom)
        {
            spans.Add(new Interval(TimeScale.ToInstant(openFrom), TimeScale.ToInstant(openTo)));
        }
    }

    private static int IndexOf(long instant) => (int)((instant >> BlockShift) - FirstBlock);

    private SpanBlock BlockAt(int index) => Volatile.Read(ref _blocks[index]) ?? Build(index);

    private SpanBlock Build(int index)
    {
        var start = (index + FirstBlock) << BlockShift;
        var end = start + (1L << BlockShift);
        var block = new SpanBlock(start, end, _schedule.BuildBounds(start, end));
        return Interlocked.CompareExchange(ref _blocks[index], block, null) ?? block;
    }

    /// <summary>Returns the last closing in a block before <paramref name="index"/>, or throws at the horizon or the range start.</summary>
    private long LastClosingBeforeBlock(int index, long instant, string instantName)
    {
        while (true)
        {
            if (--index < 0)
            {
                CalendarErrors.ThrowResultBeforeRange(instantName);
            }

            var block = BlockAt(index);
            var reach = block.IsEmpty ? block.Start : block.Bounds[^1];
            if (instant - reach > Horizon)
            {
                CalendarErrors.ThrowNoBusinessTimeBefore(_calendarId, instant);
            }

            if (!block.IsEmpty)
            {
                return block.Bounds[^1];
            }
        }
    }

    /// <summary>Returns the first opening in a block after <paramref name="index"/>, or throws at the horizon or the range end.</summary>
    private long FirstOpeningAfterBlock(int index, long instant, string instantName, out int foundIndex)
    {
        while (true)
        {
            if (++index == BlockCount)
            {
                CalendarErrors.ThrowResultAfterRange(instantName);
            }

            var block = BlockAt(index);
            var reach = block.IsEmpty ? block.End : block.Bounds[0];
            if (reach - instant > Horizon)
            {
                CalendarErrors.ThrowNoBusinessTimeAfter(_calendarId, instant);
            }

            if (!block.IsEmpty)
            {
                foundIndex = index;
                return block.Bounds[0];
            }
        }
    }
}
