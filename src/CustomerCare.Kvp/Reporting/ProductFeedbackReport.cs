using CustomerCare.Kvp.Metrics;
using NodaTime;

namespace CustomerCare.Kvp.Reporting;

/// <summary>
/// The feedback of the service organization to product management about one product: what customers contact it about,
/// how that develops, how well it is resolved, how customers use it, and which ideas address it.
/// </summary>
/// <remarks>
/// Build it with <see cref="ProductFeedbackReportBuilder"/> and render it with <see cref="ProductFeedbackRenderer"/> as
/// JSON, Markdown or HTML. This type is immutable and thread-safe.
/// </remarks>
/// <param name="Product">The product: the top segment of its contact reasons, such as <c>mortgage</c>.</param>
/// <param name="AsOf">The instant of the metrics snapshot.</param>
/// <param name="From">The first local date with data about the product, or null without data.</param>
/// <param name="To">The last local date with data about the product, or null without data.</param>
/// <param name="Concerns">Concerns about the product.</param>
/// <param name="Contacts">Customer contacts about the product.</param>
/// <param name="FirstContactResolution">First-contact resolution of the product's concerns.</param>
/// <param name="Csat">Satisfied CSAT answers ÷ all CSAT answers about the product.</param>
/// <param name="Reasons">The product's contact reasons in Pareto order.</param>
/// <param name="Backlog">The product's daily backlog series.</param>
/// <param name="SlaTargets">The product's SLA attainment per target.</param>
/// <param name="UsageNotes">Notes on how and why the product is used, most frequent first.</param>
/// <param name="Ideas">Improvement ideas that target the product's reasons.</param>
/// <param name="BadRecords">Bad records in the whole history the snapshot was computed from, as a data quality note.</param>
public sealed record ProductFeedbackReport(
    string Product,
    Instant AsOf,
    LocalDate? From,
    LocalDate? To,
    long Concerns,
    long Contacts,
    Ratio FirstContactResolution,
    Ratio Csat,
    IReadOnlyList<ProductReasonRow> Reasons,
    IReadOnlyList<BacklogPoint> Backlog,
    IReadOnlyList<SlaTargetFigures> SlaTargets,
    IReadOnlyList<UsageNoteCount> UsageNotes,
    IReadOnlyList<LinkedIdea> Ideas,
    long BadRecords);
