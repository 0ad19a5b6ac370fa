using CustomerCare.Kvp.Metrics;

namespace CustomerCare.Kvp.Reporting;

/// <summary>One contact reason of a product in the feedback report.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Reason">The contact reason code, such as <c>mortgage/payment-trouble</c>.</param>
/// <param name="Concerns">Concerns with this reason.</param>
/// <param name="Share">The share of the product's concerns, 0 to 1.</param>
/// <param name="CumulativeShare">The share of this reason and every reason ranked before it, 0 to 1.</param>
/// <param name="IsVitalFew">Whether the reason is one of the vital few that reach 80 % together.</param>
/// <param name="TrendPercent">
/// The change of the reason's volume from the first to the last half of the product's opening dates, in percent, or
/// null when the first half has no concerns.
/// </param>
/// <param name="FirstContactResolution">First-contact resolution of the reason's concerns.</param>
/// <param name="Csat">Satisfied CSAT answers ÷ all CSAT answers about the reason.</param>
public sealed record ProductReasonRow(
    string Reason,
    long Concerns,
    double Share,
    double CumulativeShare,
    bool IsVitalFew,
    double? TrendPercent,
    Ratio FirstContactResolution,
    Ratio Csat);
