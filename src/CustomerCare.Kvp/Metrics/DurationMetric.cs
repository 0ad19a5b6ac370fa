namespace CustomerCare.Kvp.Metrics;

/// <summary>One duration metric measured in calendar time and in business time.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Calendar">The elapsed time.</param>
/// <param name="Business">
/// The business time by the configured calendar, or null when no calendar is configured or the metric has no business
/// variant, such as handle time, which is recorded effort.
/// </param>
public readonly record struct DurationMetric(DurationSummary Calendar, DurationSummary? Business);
