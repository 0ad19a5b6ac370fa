using CustomerCare.Core;
using CustomerCare.Kvp.History;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>What the metrics remember of one concern while it is open, and for a while after it is closed.</summary>
internal sealed class ConcernState
{
    public ConcernState(ConcernId id, Instant openedAt, CustomerId customer, Channel channel, ContactReason reason, int entryRank, ReasonState reasonState, SeriesState product)
    {
        Id = id;
        OpenedAt = openedAt;
        LastEventAt = openedAt;
        StatusSince = openedAt;
        Customer = customer;
        Channel = channel;
        Reason = reason;
        DeepestRank = entryRank;
        ReasonState = reasonState;
        Product = product;
        Status = ConcernStatus.New;
    }

    public ConcernId Id { get; }

    public Instant OpenedAt { get; }

    public CustomerId Customer { get; }

    public Channel Channel { get; }

    public ContactReason Reason { get; }

    public ReasonState ReasonState { get; }

    public SeriesState Product { get; }

    public Instant LastEventAt { get; set; }

    public ConcernStatus Status { get; set; }

    public Instant StatusSince { get; set; }

    public bool EverResolved { get; set; }

    public Instant FirstResolvedAt { get; set; }

    public Instant LastResolvedAt { get; set; }

    public bool Reopened { get; set; }

    public bool FirstContactResolutionBroken { get; set; }

    public bool FirstContactResolutionDecided { get; set; }

    public bool FirstInteractionSeen { get; set; }

    public bool FirstReplyRecorded { get; set; }

    public int CustomerContacts { get; set; }

    public bool HasContact { get; set; }

    public Instant LastContactAt { get; set; }

    public bool HasUnansweredMessage { get; set; }

    public Instant OldestUnansweredAt { get; set; }

    public double RequesterWaitSeconds { get; set; }

    public double RequesterWaitBusinessSeconds { get; set; }

    public double AgentWaitSeconds { get; set; }

    public double AgentWaitBusinessSeconds { get; set; }

    public double OnHoldSeconds { get; set; }

    public double OnHoldBusinessSeconds { get; set; }

    public int DeepestRank { get; set; }

    /// <summary>Gets or sets the ranks 1 to 63 this concern was escalated to, one bit per rank.</summary>
    public ulong EscalatedRanks { get; set; }

    public decimal Cost { get; set; }

    /// <summary>Gets or sets the target of the first final SLA outcome, or null before one.</summary>
    public string? FirstSlaTarget { get; set; }

    public SlaOutcome FirstSlaOutcome { get; set; }

    /// <summary>Gets or sets the final SLA outcomes of further targets, created on the second target.</summary>
    public List<KeyValuePair<string, SlaOutcome>>? MoreSlaOutcomes { get; set; }

    public bool IsUnresolved => Status is not (ConcernStatus.Resolved or ConcernStatus.Closed);
}
