using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Interactions.Concerns;

/// <summary>
/// The customer's matter that one or more interactions are about, as the customer sees it: which customer, subject,
/// contact reason, participants, status with its timestamps, and links to merged or follow-up concerns.
/// </summary>
/// <remarks>
/// <para>
/// Change the status with <see cref="Resolve(Instant)"/>, <see cref="Close(Instant)"/> and
/// <see cref="Reopen(Instant)"/>; each returns a <see cref="ConcernStatusChange"/> whose snapshot the caller writes with
/// <see cref="IConcernStore.UpdateAsync(Concern, long, CancellationToken)"/>, passing this snapshot's
/// <see cref="Version"/> as the expected version. The procedure that decides when to resolve lives in the SOP package.
/// </para>
/// <para>
/// Two snapshots are equal when they have the same <see cref="Id"/> and <see cref="Version"/>, because a store never
/// stores two states under one version. This type is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record Concern
{
    private readonly ContactPoint[] _participants = [];
    private readonly IReadOnlyList<ConcernLink> _links = [];

    /// <summary>Gets the identifier.</summary>
    public required ConcernId Id { get; init; }

    /// <summary>Gets the stored version: 0 before the first write, then 1, increased by one with every write.</summary>
    public long Version { get; init; }

    /// <summary>Gets the number people quote, such as 10042 in a subject tag <c>[CC#10042]</c>; assigned by the store, 0 before.</summary>
    public long Number { get; init; }

    /// <summary>Gets the customer.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>Gets the subject of the first interaction, or <see langword="null"/>.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets why the customer made contact, or <see langword="null"/> when not classified.</summary>
    public ContactReason? ContactReason { get; init; }

    /// <summary>Gets the status.</summary>
    public ConcernStatus Status { get; init; } = ConcernStatus.Open;

    /// <summary>Gets when the concern was opened.</summary>
    public required Instant OpenedAt { get; init; }

    /// <summary>Gets when an interaction last joined the concern.</summary>
    public required Instant LastActivityAt { get; init; }

    /// <summary>Gets when the concern was last resolved, or <see langword="null"/>.</summary>
    public Instant? ResolvedAt { get; init; }

    /// <summary>Gets when the concern was last closed, or <see langword="null"/>.</summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>Gets when the concern was last reopened, or <see langword="null"/>.</summary>
    public Instant? ReopenedAt { get; init; }

    /// <summary>Gets how often the concern was reopened.</summary>
    public int ReopenCount { get; init; }

    /// <summary>Gets the concern this one was merged into, or <see langword="null"/>.</summary>
    public ConcernId? MergedInto { get; init; }

    /// <summary>Gets the contact points that took part, such as every sender and recipient of its emails.</summary>
    public IReadOnlyList<ContactPoint> Participants
    {
        get => _participants;
        init => _participants = [.. Guard.NotNull(value).Distinct()];
    }

    /// <summary>Gets the links to merged, follow-up and split concerns, oldest first.</summary>
    public IReadOnlyList<ConcernLink> Links
    {
        get => _links;
        init => _links = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets a value indicating whether new interactions join the concern without reopening it.</summary>
    public bool IsOpen => Status == ConcernStatus.Open;

    /// <summary>Returns whether <paramref name="contactPoint"/> took part in the concern.</summary>
    /// <param name="contactPoint">The contact point.</param>
    /// <returns><see langword="true"/> when it is one of <see cref="Participants"/>.</returns>
    public bool HasParticipant(ContactPoint contactPoint)
    {
        foreach (var participant in _participants)
        {
            if (participant == contactPoint)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks the concern resolved.</summary>
    /// <param name="at">When it was resolved.</param>
    /// <returns>The resolved snapshot, or a rejection when the concern is not open.</returns>
    public ConcernStatusChange Resolve(Instant at) => Status switch
    {
        ConcernStatus.Open => ConcernStatusChange.Changed(this with { Status = ConcernStatus.Resolved, ResolvedAt = at }),
        _ => ConcernStatusChange.Rejected(this, $"concern {Id} is {Status}; only an open concern can be resolved"),
    };

    /// <summary>Closes the concern.</summary>
    /// <param name="at">When it was closed.</param>
    /// <returns>The closed snapshot, or a rejection when the concern is already closed or merged.</returns>
    public ConcernStatusChange Close(Instant at) => Status switch
    {
        ConcernStatus.Open or ConcernStatus.Resolved => ConcernStatusChange.Changed(this with { Status = ConcernStatus.Closed, ClosedAt = at }),
        _ => ConcernStatusChange.Rejected(this, $"concern {Id} is {Status}; only an open or resolved concern can be closed"),
    };

    /// <summary>Reopens a resolved or closed concern.</summary>
    /// <param name="at">When it was reopened.</param>
    /// <returns>The open snapshot, or a rejection when the concern is open or merged.</returns>
    /// <remarks>
    /// An explicit reopen ignores the reopen window; the window only limits what threading does with a new message.
    /// </remarks>
    public ConcernStatusChange Reopen(Instant at) => Status switch
    {
        ConcernStatus.Resolved or ConcernStatus.Closed => ConcernStatusChange.Changed(
            this with { Status = ConcernStatus.Open, ReopenedAt = at, ReopenCount = ReopenCount + 1 }),
        ConcernStatus.Merged => ConcernStatusChange.Rejected(this, $"concern {Id} was merged into {MergedInto}; reopen that concern instead"),
        _ => ConcernStatusChange.Rejected(this, $"concern {Id} is already open"),
    };

    /// <summary>Returns whether both snapshots have the same identifier and version.</summary>
    /// <param name="other">The snapshot to compare with.</param>
    /// <returns><see langword="true"/> when both are the same stored state.</returns>
    public bool Equals(Concern? other) => other is not null && Id == other.Id && Version == other.Version;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version);
}
