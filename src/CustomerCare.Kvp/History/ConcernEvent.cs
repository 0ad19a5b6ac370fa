using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.History;

/// <summary>One event in the lifecycle of a concern: opened, state changed, escalated, resolved, reopened, closed.</summary>
/// <remarks>
/// <para>
/// Create events with the static factories, such as <see cref="Opened"/> or <see cref="Resolved"/>. Feed the events of
/// one concern in the order they happened; an event earlier than the concern's previous one is counted as a bad record
/// and applied at the previous event's instant, so no duration becomes negative.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct ConcernEvent
{
    /// <summary>Initializes a new event.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="occurredAt">When the event happened.</param>
    /// <param name="kind">What happened.</param>
    public ConcernEvent(ConcernId concern, Instant occurredAt, ConcernEventKind kind)
    {
        Concern = concern;
        OccurredAt = occurredAt;
        Kind = kind;
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId Concern { get; init; }

    /// <summary>Gets when the event happened.</summary>
    public Instant OccurredAt { get; init; }

    /// <summary>Gets what happened.</summary>
    public ConcernEventKind Kind { get; init; }

    /// <summary>Gets the new status of a <see cref="ConcernEventKind.StateChanged"/> event.</summary>
    public ConcernStatus Status { get; init; }

    /// <summary>Gets the entry level of an opened concern, or the target level of an escalation.</summary>
    public CompetenceLevel Level { get; init; }

    /// <summary>Gets the customer of an opened concern.</summary>
    public CustomerId Customer { get; init; }

    /// <summary>Gets the channel through which an opened concern came in.</summary>
    public Channel Channel { get; init; }

    /// <summary>Gets the contact reason of an opened concern, or <c>default</c> when not classified yet.</summary>
    public ContactReason Reason { get; init; }

    /// <summary>Gets the original, closed concern of a <see cref="ConcernEventKind.FollowUpOpened"/> event.</summary>
    public ConcernId FollowUpOf { get; init; }

    /// <summary>Gets the position of the event in its source, such as a line number, for bad-record reports. Zero when unknown.</summary>
    public long Position { get; init; }

    /// <summary>Creates the event that opens a concern.</summary>
    /// <param name="concern">The new concern.</param>
    /// <param name="occurredAt">When it was created.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="channel">The channel of the first contact.</param>
    /// <param name="reason">The contact reason, or <c>default</c> when not classified yet.</param>
    /// <param name="level">The competence level that takes the concern first; the first level when <c>default</c>.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent Opened(ConcernId concern, Instant occurredAt, CustomerId customer, Channel channel, ContactReason reason = default, CompetenceLevel level = default) =>
        new(concern, occurredAt, ConcernEventKind.Opened) { Customer = customer, Channel = channel, Reason = reason, Level = level, Status = ConcernStatus.New };

    /// <summary>Creates the event that opens a follow-up of a closed concern.</summary>
    /// <param name="concern">The new concern.</param>
    /// <param name="occurredAt">When it was created.</param>
    /// <param name="followUpOf">The closed concern it follows up.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="channel">The channel of the first contact.</param>
    /// <param name="reason">The contact reason, or <c>default</c> to take the original's.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent FollowUp(ConcernId concern, Instant occurredAt, ConcernId followUpOf, CustomerId customer, Channel channel, ContactReason reason = default) =>
        new(concern, occurredAt, ConcernEventKind.FollowUpOpened) { FollowUpOf = followUpOf, Customer = customer, Channel = channel, Reason = reason, Status = ConcernStatus.New };

    /// <summary>Creates a state change.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="occurredAt">When the state changed.</param>
    /// <param name="status">The new status.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent StateChanged(ConcernId concern, Instant occurredAt, ConcernStatus status) =>
        new(concern, occurredAt, ConcernEventKind.StateChanged) { Status = status };

    /// <summary>Creates an escalation to a deeper competence level.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="occurredAt">When it was escalated.</param>
    /// <param name="level">The level it was escalated to.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent Escalated(ConcernId concern, Instant occurredAt, CompetenceLevel level) =>
        new(concern, occurredAt, ConcernEventKind.Escalated) { Level = level };

    /// <summary>Creates a resolution.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="occurredAt">When it was resolved.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent Resolved(ConcernId concern, Instant occurredAt) =>
        new(concern, occurredAt, ConcernEventKind.Resolved) { Status = ConcernStatus.Resolved };

    /// <summary>Creates a reopen of a resolved concern.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="occurredAt">When it was reopened.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent Reopened(ConcernId concern, Instant occurredAt) =>
        new(concern, occurredAt, ConcernEventKind.Reopened) { Status = ConcernStatus.Open };

    /// <summary>Creates the closing event.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="occurredAt">When it was closed.</param>
    /// <returns>The event.</returns>
    public static ConcernEvent Closed(ConcernId concern, Instant occurredAt) =>
        new(concern, occurredAt, ConcernEventKind.Closed) { Status = ConcernStatus.Closed };
}
