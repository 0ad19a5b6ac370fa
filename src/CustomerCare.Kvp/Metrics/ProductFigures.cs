using CustomerCare.Core;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The figures of one product: the top segment of the contact reasons, such as <c>mortgage</c> in <c>mortgage/payment-trouble</c>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Product">The product, as a one-segment contact reason.</param>
/// <param name="Concerns">Concerns opened about the product.</param>
/// <param name="Contacts">Customer contacts about the product.</param>
/// <param name="FirstContactResolution">First-contact resolution of the product's concerns.</param>
/// <param name="Csat">Satisfied CSAT answers ÷ all CSAT answers about the product.</param>
/// <param name="Backlog">The product's daily backlog series, in date order.</param>
/// <param name="SlaTargets">The product's SLA attainment per target, by target name.</param>
/// <param name="UsageNotes">Notes on how and why the product is used, most frequent first.</param>
/// <param name="OtherUsageNotes">Notes beyond the kept number of distinct notes; counted only.</param>
public sealed record ProductFigures(
    ContactReason Product,
    long Concerns,
    long Contacts,
    Ratio FirstContactResolution,
    Ratio Csat,
    IReadOnlyList<BacklogPoint> Backlog,
    IReadOnlyList<SlaTargetFigures> SlaTargets,
    IReadOnlyList<UsageNoteCount> UsageNotes,
    long OtherUsageNotes);
