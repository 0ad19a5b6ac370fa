using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>Every improvement metric at one instant of the recorded history. Each metric's definition is in the docs of its property.</summary>
/// <remarks>
/// <para>
/// Durations are measured from the concern's opening unless stated otherwise, in calendar time and in business time.
/// A duration metric has no samples, and its statistics are null, until its end event exists. Rates are null while
/// their denominator is zero.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class KvpMetricsSnapshot
{
    internal KvpMetricsSnapshot()
    {
    }

    /// <summary>Gets the instant the snapshot describes; windows that end after it are still pending.</summary>
    public Instant AsOf { get; internal init; }

    /// <summary>Gets the time zone of the local dates in the daily series.</summary>
    public required DateTimeZone TimeZone { get; init; }

    /// <summary>Gets the number of records fed so far, good and bad.</summary>
    public long RecordsProcessed { get; internal init; }

    /// <summary>Gets the number of concerns opened, follow-ups included.</summary>
    public long ConcernsOpened { get; internal init; }

    /// <summary>Gets the number of unresolved concerns at <see cref="AsOf"/>.</summary>
    public long UnresolvedConcerns { get; internal init; }

    /// <summary>Gets the number of customer contacts: inbound messages and calls by customers.</summary>
    public long CustomerContacts { get; internal init; }

    /// <summary>
    /// Gets the first response time: opening → the first public reply by a person. Auto-replies, bot messages and
    /// internal notes do not count. When a person opened the concern with a public message, that message does not count
    /// and the person's next public message is the first response.
    /// </summary>
    public DurationMetric FirstResponseTime { get; internal init; }

    /// <summary>
    /// Gets the next response time: for each customer message after which no person has replied yet, the time from the
    /// oldest such message to the next public reply by a person. The first reply of a concern counts here as well.
    /// </summary>
    public DurationMetric NextResponseTime { get; internal init; }

    /// <summary>Gets the first resolution time: opening → the first time the concern became resolved.</summary>
    public DurationMetric FirstResolutionTime { get; internal init; }

    /// <summary>
    /// Gets the full resolution time: opening → the last time the concern became resolved, recorded when the concern is
    /// closed. It differs from the first resolution time after reopens.
    /// </summary>
    public DurationMetric FullResolutionTime { get; internal init; }

    /// <summary>Gets the requester wait time: the time a closed concern spent in New, Open and OnHold.</summary>
    public DurationMetric RequesterWaitTime { get; internal init; }

    /// <summary>Gets the agent wait time: the time a closed concern spent in Pending, waiting for the customer.</summary>
    public DurationMetric AgentWaitTime { get; internal init; }

    /// <summary>Gets the on-hold time: the time a closed concern spent in OnHold, waiting for a third party.</summary>
    public DurationMetric OnHoldTime { get; internal init; }

    /// <summary>
    /// Gets the handle time: recorded work time per handled interaction (talk, hold and after-contact work), never the
    /// concern's age. Its mean is the average handle time (AHT). It has no business-time variant.
    /// </summary>
    public DurationMetric HandleTime { get; internal init; }

    /// <summary>
    /// Gets first-contact resolution: resolved concerns with exactly one customer contact, no reopen and no further
    /// customer contact within the window after the first resolution ÷ resolved concerns whose window has ended.
    /// Concerns without any customer contact are left out of both.
    /// </summary>
    public Ratio FirstContactResolution { get; internal init; }

    /// <summary>Gets the number of resolved concerns whose first-contact resolution window has not ended at <see cref="AsOf"/>.</summary>
    public long FirstContactResolutionPending { get; internal init; }

    /// <summary>
    /// Gets the reopen rate: resolved concerns reopened at least once ÷ resolved concerns. A follow-up of a closed
    /// concern counts as a reopen of the original.
    /// </summary>
    public Ratio ReopenRate { get; internal init; }

    /// <summary>Gets the number of follow-ups of concerns no longer kept in memory; each counted as a reopen without the duplicate check.</summary>
    public long FollowUpsOfForgottenConcerns { get; internal init; }

    /// <summary>Gets the escalation rate: concerns escalated at least once ÷ opened concerns.</summary>
    public Ratio EscalationRate { get; internal init; }

    /// <summary>
    /// Gets the repeat-contact rate: customer contacts that come within the repeat window after an earlier contact
    /// about the same concern ÷ customer contacts on concerns.
    /// </summary>
    public Ratio RepeatContactRate { get; internal init; }

    /// <summary>Gets the figures per competence level, by rank.</summary>
    public required IReadOnlyList<LevelFigures> Levels { get; init; }

    /// <summary>Gets the channel mix and the figures per channel, most contacts first.</summary>
    public required IReadOnlyList<ChannelFigures> Channels { get; init; }

    /// <summary>Gets the contact reasons by concern count, most frequent first, with the cumulative share.</summary>
    public required IReadOnlyList<ParetoEntry> Pareto { get; init; }

    /// <summary>Gets the figures per contact reason, in the order of <see cref="Pareto"/>.</summary>
    public required IReadOnlyList<ReasonFigures> Reasons { get; init; }

    /// <summary>Gets the daily backlog series over every concern, in date order without gaps.</summary>
    public required IReadOnlyList<BacklogPoint> Backlog { get; init; }

    /// <summary>Gets the unresolved concerns by age at <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<BacklogAgeBucket> BacklogAges { get; init; }

    /// <summary>Gets the SLA attainment per target, by target name.</summary>
    public required IReadOnlyList<SlaTargetFigures> SlaTargets { get; init; }

    /// <summary>Gets CSAT, NPS and CES.</summary>
    public required SurveyFigures Surveys { get; init; }

    /// <summary>Gets the self-service score, the deflection rate and the verified bot resolution rate.</summary>
    public required SelfServiceFigures SelfService { get; init; }

    /// <summary>Gets the costs and savings, or null without a cost model.</summary>
    public CostFigures? Costs { get; internal init; }

    /// <summary>Gets the knowledge gaps, most frequent first.</summary>
    public required IReadOnlyList<KnowledgeGap> KnowledgeGaps { get; init; }

    /// <summary>Gets the number of unmatched queries beyond the kept number of groups, or without significant terms.</summary>
    public long UngroupedKnowledgeGapQueries { get; internal init; }

    /// <summary>Gets the figures per product, most concerns first.</summary>
    public required IReadOnlyList<ProductFigures> Products { get; init; }

    /// <summary>Gets the number of bad records per kind; kinds without bad records are absent.</summary>
    public required IReadOnlyDictionary<BadRecordKind, long> BadRecordCounts { get; init; }

    /// <summary>Gets the first bad records with their details, up to the configured number.</summary>
    public required IReadOnlyList<BadRecord> BadRecords { get; init; }

    /// <summary>Gets the total number of bad records.</summary>
    public long TotalBadRecords => BadRecordCounts.Values.Sum();

    /// <summary>Returns the figures of one contact reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The figures, or null when no concern had the reason.</returns>
    public ReasonFigures? FindReason(ContactReason reason) => Reasons.FirstOrDefault(r => r.Reason == reason);

    /// <summary>Returns the figures of one SLA target.</summary>
    /// <param name="target">The target's name.</param>
    /// <returns>The figures, or null when no outcome of the target was seen.</returns>
    public SlaTargetFigures? FindSlaTarget(string target) => SlaTargets.FirstOrDefault(t => string.Equals(t.Target, target, StringComparison.Ordinal));

    /// <summary>Returns the figures of one product.</summary>
    /// <param name="product">The product, as a one-segment contact reason.</param>
    /// <returns>The figures, or null when no concern was about the product.</returns>
    public ProductFigures? FindProduct(ContactReason product) => Products.FirstOrDefault(p => p.Product == product);
}
