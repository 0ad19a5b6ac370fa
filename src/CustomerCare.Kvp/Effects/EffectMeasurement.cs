using NodaTime;

namespace CustomerCare.Kvp.Effects;

/// <summary>
/// The measured effect of an improvement: the targeted metric over equal windows before and after the implementation,
/// with a 95 % confidence interval of the change.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Metric">The metric compared.</param>
/// <param name="Before">The window before the implementation.</param>
/// <param name="After">The window after the implementation, of the same length.</param>
/// <param name="BeforeValue">The metric in the window before, or null without data.</param>
/// <param name="AfterValue">The metric in the window after, or null without data.</param>
/// <param name="BeforeCount">The number of cases the before value rests on.</param>
/// <param name="AfterCount">The number of cases the after value rests on.</param>
/// <param name="Change">The change: after ÷ before for <see cref="ImprovementMetric.ContactVolume"/>, otherwise after − before; null without data.</param>
/// <param name="Lower">The lower end of the 95 % confidence interval of the change, or null when it cannot be computed.</param>
/// <param name="Upper">The upper end of the 95 % confidence interval of the change, or null when it cannot be computed.</param>
/// <param name="Method">The statistical method, in words.</param>
public sealed record EffectMeasurement(
    ImprovementMetric Metric,
    Interval Before,
    Interval After,
    double? BeforeValue,
    double? AfterValue,
    long BeforeCount,
    long AfterCount,
    double? Change,
    double? Lower,
    double? Upper,
    string Method)
{
    /// <summary>Gets a value indicating whether the confidence interval excludes "no change" (1 for a ratio, 0 for a difference).</summary>
    public bool IsSignificant
    {
        get
        {
            if (Lower is not { } lower || Upper is not { } upper)
            {
                return false;
            }

            var none = Metric == ImprovementMetric.ContactVolume ? 1.0 : 0.0;
            return lower > none || upper < none;
        }
    }
}
