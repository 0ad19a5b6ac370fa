using CustomerCare.Kvp.Metrics;
using NodaTime;

namespace CustomerCare.Kvp.Effects;

/// <summary>
/// The check step of plan-do-check-act: compares the targeted metric of the targeted contact reason over equal
/// windows before and after an implementation, and states the uncertainty of the change.
/// </summary>
/// <remarks>
/// <para>
/// Compute each snapshot with a <see cref="KvpMetricsAccumulator"/> whose <see cref="KvpMetricsOptions.OpenedWithin"/>
/// is the window and whose <see cref="KvpMetricsOptions.ReasonScope"/> is the targeted reason, over the same history.
/// Take each snapshot once the concerns of its window had time to resolve, or the after window looks better only
/// because its slow concerns are still open.
/// </para>
/// <para>
/// Methods: contact volume as the rate ratio after ÷ before with the interval exp(ln r ± 1.96 √(1/a + 1/b)); rates as
/// the difference of two proportions with Newcombe's hybrid score interval from Wilson intervals; mean durations as
/// the difference of means with a normal-approximation Welch interval. This class is stateless and thread-safe.
/// </para>
/// </remarks>
public static class EffectCheck
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Compares <paramref name="metric"/> in two snapshots over windows of equal length.</summary>
    /// <param name="metric">The metric to compare.</param>
    /// <param name="before">The window before the implementation.</param>
    /// <param name="beforeSnapshot">The metrics over <paramref name="before"/>.</param>
    /// <param name="after">The window after the implementation.</param>
    /// <param name="afterSnapshot">The metrics over <paramref name="after"/>.</param>
    /// <returns>The measured effect.</returns>
    /// <exception cref="ArgumentNullException">A snapshot is null.</exception>
    /// <exception cref="ArgumentException">The windows differ in length, or <paramref name="after"/> starts before <paramref name="before"/> ends.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public static EffectMeasurement Compare(ImprovementMetric metric, Interval before, KvpMetricsSnapshot beforeSnapshot, Interval after, KvpMetricsSnapshot afterSnapshot)
    {
        Guard.NotNull(beforeSnapshot);
        Guard.NotNull(afterSnapshot);
        if (before.Duration != after.Duration)
        {
            throw new ArgumentException(
                $"The windows must have equal length, but before is {before.Duration} and after is {after.Duration}. Use windows of the same length around the implementation.",
                nameof(after));
        }

        if (after.Start < before.End)
        {
            throw new ArgumentException($"The after window starts at {after.Start}, before the end of the before window at {before.End}. Swap them or move them apart.", nameof(after));
        }

        return metric switch
        {
            ImprovementMetric.ContactVolume => CompareVolume(before, beforeSnapshot.ConcernsOpened, after, afterSnapshot.ConcernsOpened),
            ImprovementMetric.FirstContactResolution => CompareRates(metric, before, beforeSnapshot.FirstContactResolution, after, afterSnapshot.FirstContactResolution),
            ImprovementMetric.ReopenRate => CompareRates(metric, before, beforeSnapshot.ReopenRate, after, afterSnapshot.ReopenRate),
            ImprovementMetric.EscalationRate => CompareRates(metric, before, beforeSnapshot.EscalationRate, after, afterSnapshot.EscalationRate),
            ImprovementMetric.Csat => CompareRates(metric, before, beforeSnapshot.Surveys.Csat, after, afterSnapshot.Surveys.Csat),
            ImprovementMetric.MeanFirstResolutionHours => CompareMeans(metric, before, beforeSnapshot.FirstResolutionTime.Calendar, after, afterSnapshot.FirstResolutionTime.Calendar),
            ImprovementMetric.MeanFirstResponseHours => CompareMeans(metric, before, beforeSnapshot.FirstResponseTime.Calendar, after, afterSnapshot.FirstResponseTime.Calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "The metric is not defined. Use a value of ImprovementMetric."),
        };
    }

    internal static EffectMeasurement CompareVolume(Interval before, long a, Interval after, long b)
    {
        const string method = "rate ratio after ÷ before with a log-normal 95 % interval";
        if (a == 0)
        {
            return new EffectMeasurement(ImprovementMetric.ContactVolume, before, after, a, b, a, b, null, null, null, method);
        }

        var ratio = (double)b / a;
        double? lower = null;
        double? upper = null;
        if (b > 0)
        {
            var spread = Z95 * Math.Sqrt((1.0 / a) + (1.0 / b));
            lower = Math.Exp(Math.Log(ratio) - spread);
            upper = Math.Exp(Math.Log(ratio) + spread);
        }

        return new EffectMeasurement(ImprovementMetric.ContactVolume, before, after, a, b, a, b, ratio, lower, upper, method);
    }

    internal static EffectMeasurement CompareRates(ImprovementMetric metric, Interval before, Ratio first, Interval after, Ratio second)
    {
        const string method = "difference of proportions after − before with Newcombe's hybrid score 95 % interval";
        if (first.Value is not { } p1 || second.Value is not { } p2)
        {
            return new EffectMeasurement(metric, before, after, first.Value, second.Value, first.Denominator, second.Denominator, null, null, null, method);
        }

        var (l1, u1) = Wilson(first.Numerator, first.Denominator);
        var (l2, u2) = Wilson(second.Numerator, second.Denominator);
        var difference = p2 - p1;
        var lower = difference - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1)));
        var upper = difference + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1)));
        return new EffectMeasurement(metric, before, after, p1, p2, first.Denominator, second.Denominator, difference, lower, upper, method);
    }

    internal static EffectMeasurement CompareMeans(ImprovementMetric metric, Interval before, DurationSummary first, Interval after, DurationSummary second)
    {
        const string method = "difference of means after − before with a normal-approximation Welch 95 % interval";
        double? m1 = first.Mean?.TotalHours;
        double? m2 = second.Mean?.TotalHours;
        if (m1 is not { } mean1 || m2 is not { } mean2)
        {
            return new EffectMeasurement(metric, before, after, m1, m2, first.Count, second.Count, null, null, null, method);
        }

        var difference = mean2 - mean1;
        if (first.StandardDeviation is not { } s1 || second.StandardDeviation is not { } s2)
        {
            return new EffectMeasurement(metric, before, after, mean1, mean2, first.Count, second.Count, difference, null, null, method);
        }

        var standardError = Math.Sqrt((Math.Pow(s1.TotalHours, 2) / first.Count) + (Math.Pow(s2.TotalHours, 2) / second.Count));
        return new EffectMeasurement(metric, before, after, mean1, mean2, first.Count, second.Count, difference,
            difference - (Z95 * standardError), difference + (Z95 * standardError), method);
    }

    /// <summary>Returns the Wilson score 95 % interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    internal static (double Lower, double Upper) Wilson(long successes, long trials)
    {
        Guard.Invariant(trials > 0 && successes >= 0 && successes <= trials);
        var p = (double)successes / trials;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var spread = Z95 * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - spread), Math.Min(1, centre + spread));
    }
}
