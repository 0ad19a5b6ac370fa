namespace CustomerCare.Kvp.Metrics;

/// <summary>The attainment of one SLA target: concerns whose target was met ÷ concerns where it was met or breached.</summary>
/// <remarks>
/// Concerns whose target is still pending are left out until it is met or breached. This type is immutable and
/// thread-safe.
/// </remarks>
/// <param name="Target">The target's name, such as <c>resolution</c>.</param>
/// <param name="Attainment">Met ÷ (met + breached).</param>
/// <param name="PendingReports">The number of pending reports seen; they are not part of the attainment.</param>
/// <param name="Daily">The outcomes per local date, in date order.</param>
public sealed record SlaTargetFigures(string Target, Ratio Attainment, long PendingReports, IReadOnlyList<SlaDailyPoint> Daily);
