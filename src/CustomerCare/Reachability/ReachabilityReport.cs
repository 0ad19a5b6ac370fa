using NodaTime;

namespace CustomerCare;

/// <summary>Which channels are open how long in one week, and every gap in which none is.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ReachabilityReport
{
    internal ReachabilityReport(DateTimeZone zone, LocalDate weekStart, Instant start, Instant end, IReadOnlyList<ChannelOpenTime> channels, IReadOnlyList<ReachabilityGap> gaps)
    {
        Zone = zone;
        WeekStart = weekStart;
        Start = start;
        End = end;
        Channels = channels;
        Gaps = gaps;
    }

    /// <summary>Gets the time zone the week and the gaps are given in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the first local date of the week.</summary>
    public LocalDate WeekStart { get; }

    /// <summary>Gets the first instant of the week.</summary>
    public Instant Start { get; }

    /// <summary>Gets the first instant after the week; a week with a daylight-saving change lasts 167 or 169 hours.</summary>
    public Instant End { get; }

    /// <summary>Gets each channel's open time in the week, in the order the channels are configured.</summary>
    public IReadOnlyList<ChannelOpenTime> Channels { get; }

    /// <summary>Gets the gaps, in time order; empty when a channel is open at every instant.</summary>
    public IReadOnlyList<ReachabilityGap> Gaps { get; }

    /// <summary>Gets whether at least one channel is open at every instant of the week.</summary>
    public bool IsAlwaysReachable => Gaps.Count == 0;

    /// <inheritdoc/>
    public override string ToString() =>
        IsAlwaysReachable
            ? $"Reachable at every instant of the week of {WeekStart:uuuu-MM-dd} ({Zone.Id})"
            : $"Unreachable in the week of {WeekStart:uuuu-MM-dd} ({Zone.Id}): {string.Join("; ", Gaps)}";
}
