using System.Globalization;
using System.Text;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>
/// The routing state of one concern: its classification, its place on the ladder, the open offer or the assigned
/// agent, and the escalations and notes so far.
/// </summary>
/// <remarks>
/// <para>
/// The routing engine creates and changes entries; the routing queue stores them with an optimistic
/// <see cref="Version"/>. An entry stays in the queue from enqueue until the concern completes, so no concern is
/// dropped: an exhausted ladder only sets <see cref="ExhaustedAt"/>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record QueueEntry
{
    private readonly RoutableConcern _concern = null!;
    private readonly ConcernClassification _classification = null!;
    private readonly string _ladder = string.Empty;
    private readonly ValueList<Rejection> _rejections = ValueList<Rejection>.Empty;
    private readonly ValueList<EscalationRecord> _escalations = ValueList<EscalationRecord>.Empty;
    private readonly ValueList<KnowledgeNote> _notes = ValueList<KnowledgeNote>.Empty;
    private readonly ValueList<string> _appliedOverflowRules = ValueList<string>.Empty;
    private readonly long _version;

    /// <summary>Gets routing's view of the concern.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required RoutableConcern Concern
    {
        get => _concern;
        init => _concern = Guard.NotNull(value);
    }

    /// <summary>Gets the concern's identifier.</summary>
    public ConcernId ConcernId => _concern.Id;

    /// <summary>Gets the classification that chose the entry level, skills, ladder and priority.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required ConcernClassification Classification
    {
        get => _classification;
        init => _classification = Guard.NotNull(value);
    }

    /// <summary>Gets the ladder the concern is on; the classification's ladder unless an overflow or escalation moved it.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Ladder
    {
        get => _ladder;
        init => _ladder = Guard.NotNull(value);
    }

    /// <summary>Gets the step the concern is on, starting at 0.</summary>
    public required int StepIndex { get; init; }

    /// <summary>Gets when the concern entered the current step.</summary>
    public required Instant StepEnteredAt { get; init; }

    /// <summary>Gets when the current step ends, or <see langword="null"/> when it waits without limit.</summary>
    public Instant? StepDeadline { get; init; }

    /// <summary>Gets the priority on the current step: the classification's priority with the step's boost, before aging.</summary>
    public required Priority Priority { get; init; }

    /// <summary>Gets the concern's status in the queue; <see cref="QueueEntryStatus.Waiting"/> by default.</summary>
    public QueueEntryStatus Status { get; init; }

    /// <summary>Gets the open offer while <see cref="Status"/> is <see cref="QueueEntryStatus.Offered"/>, otherwise <see langword="null"/>.</summary>
    public Offer? Offer { get; init; }

    /// <summary>Gets the agent who accepted the concern while <see cref="Status"/> is <see cref="QueueEntryStatus.Assigned"/>.</summary>
    public AgentId? AssignedAgent { get; init; }

    /// <summary>Gets when the concern was accepted, or <see langword="null"/>.</summary>
    public Instant? AssignedAt { get; init; }

    /// <summary>Gets the agent that holds capacity for the concern: the offered or the assigned agent, or <see langword="null"/>.</summary>
    public AgentId? Holder => Offer?.Agent ?? AssignedAgent;

    /// <summary>
    /// Gets the rejected offers of the concern, oldest first; empty by default. A rejecting agent is not asked again
    /// until <see cref="RoutingPolicy.RejectionCooldown"/> has passed.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<Rejection> Rejections
    {
        get => _rejections;
        init => _rejections = ValueList<Rejection>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the escalations so far, oldest first; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value or an element is null.</exception>
    public IReadOnlyList<EscalationRecord> Escalations
    {
        get => _escalations;
        init => _escalations = ValueList<EscalationRecord>.From(Guard.NoNullElements(value));
    }

    /// <summary>Gets the knowledge gained so far, oldest first; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value or an element is null.</exception>
    public IReadOnlyList<KnowledgeNote> Notes
    {
        get => _notes;
        init => _notes = ValueList<KnowledgeNote>.From(Guard.NoNullElements(value));
    }

    /// <summary>Gets the names of the overflow rules that fired for the concern; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value or an element is null.</exception>
    public IReadOnlyList<string> AppliedOverflowRules
    {
        get => _appliedOverflowRules;
        init => _appliedOverflowRules = ValueList<string>.From(Guard.NoNullElements(value));
    }

    /// <summary>Gets a value indicating whether the concern was escalated for SLA risk; <see langword="false"/> by default.</summary>
    public bool SlaRiskEscalated { get; init; }

    /// <summary>Gets when the concern ran off the end of its ladder, or <see langword="null"/> (the default).</summary>
    public Instant? ExhaustedAt { get; init; }

    /// <summary>Gets a value indicating whether the concern ran off the end of its ladder.</summary>
    public bool IsExhausted => ExhaustedAt is not null;

    /// <summary>Gets how many offers were made for the concern; 0 by default.</summary>
    public int OfferCount { get; init; }

    /// <summary>Gets the stored version: 0 before the first save, then 1, 2, ... with each write.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long Version
    {
        get => _version;
        init => _version = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Versions start at 0 (not stored yet).");
    }

    /// <summary>Returns the entry's state in one line.</summary>
    /// <returns>A line such as <c>con_… Waiting on billing step 2, P2, enqueued 2026-01-05T09:00:00Z</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(ConcernId).Append(' ').Append(Status).Append(" on ").Append(_ladder);
        text.Append(CultureInfo.InvariantCulture, $" step {StepIndex + 1}, {Priority}, enqueued {_concern.EnqueuedAt}");
        if (Holder is { } holder)
        {
            text.Append(", agent ").Append(holder);
        }

        if (IsExhausted)
        {
            text.Append(", ladder exhausted");
        }

        return text.ToString();
    }
}
