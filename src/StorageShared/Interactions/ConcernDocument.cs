using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using NodaTime;

namespace CustomerCare.Storage.Interactions;

/// <summary>
/// The parts of a concern that no query filters on: subject, participants, links and the status timestamps. Instants
/// are microseconds since the Unix epoch.
/// </summary>
internal sealed class ConcernDocument
{
    public string? Subject { get; init; }

    public ContactPointDocument[]? Participants { get; init; }

    public LinkDocument[]? Links { get; init; }

    public long? ResolvedAt { get; init; }

    public long? ClosedAt { get; init; }

    public long? ReopenedAt { get; init; }

    public int ReopenCount { get; init; }

    public Guid? MergedInto { get; init; }

    public static ConcernDocument From(Concern concern) => new()
    {
        Subject = concern.Subject,
        Participants = ContactPointDocument.FromAll(concern.Participants),
        Links = concern.Links.Count == 0
            ? null
            : [.. concern.Links.Select(l => new LinkDocument { Kind = (int)l.Kind, Target = l.Target.Value, At = Microseconds.Floor(l.At) })],
        ResolvedAt = ToMicroseconds(concern.ResolvedAt),
        ClosedAt = ToMicroseconds(concern.ClosedAt),
        ReopenedAt = ToMicroseconds(concern.ReopenedAt),
        ReopenCount = concern.ReopenCount,
        MergedInto = concern.MergedInto?.Value,
    };

    public Concern ToConcern(
        ConcernId id,
        long version,
        long number,
        CustomerId customerId,
        ConcernStatus status,
        ContactReason? reason,
        Instant openedAt,
        Instant lastActivityAt) => new()
    {
        Id = id,
        Version = version,
        Number = number,
        CustomerId = customerId,
        Status = status,
        ContactReason = reason,
        OpenedAt = openedAt,
        LastActivityAt = lastActivityAt,
        Subject = Subject,
        Participants = ContactPointDocument.ToAll(Participants),
        Links = Links is null ? [] : [.. Links.Select(l => new ConcernLink((ConcernLinkKind)l.Kind, new ConcernId(l.Target), Microseconds.ToInstant(l.At)))],
        ResolvedAt = ToInstant(ResolvedAt),
        ClosedAt = ToInstant(ClosedAt),
        ReopenedAt = ToInstant(ReopenedAt),
        ReopenCount = ReopenCount,
        MergedInto = MergedInto is { } merged ? new ConcernId(merged) : null,
    };

    private static long? ToMicroseconds(Instant? instant) => instant is { } value ? Microseconds.Floor(value) : null;

    private static Instant? ToInstant(long? microseconds) => microseconds is { } value ? Microseconds.ToInstant(value) : null;
}

/// <summary>A link between concerns as JSON.</summary>
internal sealed class LinkDocument
{
    public int Kind { get; init; }

    public Guid Target { get; init; }

    public long At { get; init; }
}
