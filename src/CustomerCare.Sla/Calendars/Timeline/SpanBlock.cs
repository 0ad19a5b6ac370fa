namespace CustomerCare.Sla.Calendars;

/// <summary>
/// The business spans of one calendar within a fixed stretch of the timeline, as sorted nanosecond bounds with
/// running totals, so that positions and amounts are found by binary search.
/// </summary>
/// <remarks>
/// <see cref="Bounds"/> alternates openings and closings, <c>[open0, close0, open1, close1, ...]</c>, strictly
/// increasing within <c>[Start, End]</c>. A span that continues past the block is cut at <see cref="End"/> and
/// resumes at the next block's <see cref="Start"/>, so a bound equal to <see cref="End"/> or <see cref="Start"/>
/// may be a cut and not a real closing or opening. The count of bounds at or before an instant is odd exactly
/// when the instant is business time.
/// </remarks>
internal sealed class SpanBlock
{
    private readonly long[] _before;

    public SpanBlock(long start, long end, long[] bounds)
    {
        Guard.Invariant(bounds.Length % 2 == 0);
        Start = start;
        End = end;
        Bounds = bounds;
        _before = new long[bounds.Length / 2 + 1];
        for (var i = 0; i < bounds.Length / 2; i++)
        {
            Guard.Invariant(bounds[2 * i] < bounds[2 * i + 1]);
            Guard.Invariant(i == 0 || bounds[2 * i - 1] < bounds[2 * i]);
            _before[i + 1] = _before[i] + (bounds[2 * i + 1] - bounds[2 * i]);
        }

        Total = _before[^1];
    }

    /// <summary>Gets the first instant of the block, in nanoseconds.</summary>
    public long Start { get; }

    /// <summary>Gets the instant after the block, in nanoseconds.</summary>
    public long End { get; }

    /// <summary>Gets the span bounds: openings at even and closings at odd positions.</summary>
    public long[] Bounds { get; }

    /// <summary>Gets the business time in the block, in nanoseconds.</summary>
    public long Total { get; }

    public bool IsEmpty => Bounds.Length == 0;

    /// <summary>Returns how many bounds are at or before <paramref name="instant"/>.</summary>
    public int CountAtOrBefore(long instant)
    {
        var bounds = Bounds;
        int low = 0, high = bounds.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (bounds[middle] <= instant)
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

    /// <summary>Returns how many bounds are before <paramref name="instant"/>.</summary>
    public int CountBefore(long instant)
    {
        var bounds = Bounds;
        int low = 0, high = bounds.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (bounds[middle] < instant)
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

    /// <summary>Returns the business time in <c>[Start, instant)</c>, for an instant within the block.</summary>
    public long BusinessBefore(long instant)
    {
        var count = CountAtOrBefore(instant);
        var span = count >> 1;
        return (count & 1) == 1 ? _before[span] + (instant - Bounds[count - 1]) : _before[span];
    }

    /// <summary>Returns the earliest instant with <paramref name="target"/> business time before it in the block, for <c>0 &lt; target ≤ Total</c>.</summary>
    public long FindForward(long target)
    {
        Guard.Invariant(target > 0 && target <= Total);

        // The first span whose running total at its closing reaches the target holds the answer. When the target
        // equals that total, the answer is the closing itself: the earliest instant with that much business time.
        var before = _before;
        int low = 1, high = before.Length - 1;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (before[middle] < target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var span = low - 1;
        return Bounds[2 * span] + (target - before[span]);
    }

    /// <summary>Returns the latest instant with <paramref name="target"/> business time before it in the block, for <c>0 ≤ target &lt; Total</c>.</summary>
    public long FindBackward(long target)
    {
        Guard.Invariant(target >= 0 && target < Total);

        // The last span whose running total at its opening is at most the target holds the answer. When the target
        // equals that total, the answer is the opening itself: the latest instant with that much business time.
        var before = _before;
        int low = 0, high = before.Length - 1;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (before[middle] <= target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var span = low - 1;
        return Bounds[2 * span] + (target - before[span]);
    }
}
