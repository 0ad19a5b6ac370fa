using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The distribution of one duration metric: how many samples, their mean, median and 90th percentile.</summary>
/// <remarks>
/// <para>
/// Every statistic is null while <see cref="Count"/> is zero: a metric without its end event has no value, which is
/// different from a value of zero.
/// </para>
/// <para>
/// <see cref="Mean"/> and <see cref="StandardDeviation"/> are exact. <see cref="Median"/> and <see cref="P90"/> are the
/// lower nearest-rank quantiles (the sample at zero-based rank ⌊q · (n − 1)⌋) from a sketch whose estimate lies within
/// 0.5 % of that sample, or within 1 ms for samples below 1 ms.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
/// <param name="Count">The number of samples.</param>
/// <param name="Mean">The arithmetic mean, or null without samples.</param>
/// <param name="Median">The median, or null without samples.</param>
/// <param name="P90">The 90th percentile, or null without samples.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1 in the denominator), or null with fewer than two samples.</param>
public readonly record struct DurationSummary(long Count, Duration? Mean, Duration? Median, Duration? P90, Duration? StandardDeviation)
{
    /// <summary>Gets the summary of no samples.</summary>
    public static DurationSummary Empty => default;

    internal static DurationSummary From(QuantileSketch sketch)
    {
        if (sketch.Count == 0)
        {
            return Empty;
        }

        var mean = sketch.Sum / sketch.Count;
        Duration? deviation = null;
        if (sketch.Count > 1)
        {
            var variance = Math.Max(0, (sketch.SumOfSquares - (sketch.Count * mean * mean)) / (sketch.Count - 1));
            deviation = Duration.FromSeconds(Math.Sqrt(variance));
        }

        return new DurationSummary(
            sketch.Count,
            Duration.FromSeconds(mean),
            Duration.FromSeconds(sketch.Quantile(0.5)!.Value),
            Duration.FromSeconds(sketch.Quantile(0.9)!.Value),
            deviation);
    }
}
