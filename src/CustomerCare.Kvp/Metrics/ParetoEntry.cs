using CustomerCare.Core;

namespace CustomerCare.Kvp.Metrics;

/// <summary>One contact reason in the Pareto ranking, with its share and the cumulative share up to it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Reason">The contact reason.</param>
/// <param name="Count">The number of concerns with this reason.</param>
/// <param name="Share">The share of all concerns, 0 to 1.</param>
/// <param name="CumulativeShare">The share of this reason and every reason ranked before it, 0 to 1.</param>
/// <param name="IsVitalFew">
/// Whether the reason belongs to the "vital few": the reasons ranked up to and including the first one at which the
/// cumulative share reaches 80 %.
/// </param>
public readonly record struct ParetoEntry(ContactReason Reason, long Count, double Share, double CumulativeShare, bool IsVitalFew);
