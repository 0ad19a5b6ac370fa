using CustomerCare.Core;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The figures of one contact reason: volume, first-contact resolution, satisfaction and the daily volume.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Reason">The contact reason; <c>unspecified</c> for concerns without one.</param>
/// <param name="Concerns">Concerns opened with this reason.</param>
/// <param name="Contacts">Customer contacts about this reason.</param>
/// <param name="FirstContactResolution">First-contact resolution of the reason's concerns.</param>
/// <param name="Csat">Satisfied CSAT answers ÷ all CSAT answers about this reason.</param>
/// <param name="DailyConcerns">Concerns opened per local date, in date order.</param>
public sealed record ReasonFigures(
    ContactReason Reason,
    long Concerns,
    long Contacts,
    Ratio FirstContactResolution,
    Ratio Csat,
    IReadOnlyList<DailyCount> DailyConcerns);
