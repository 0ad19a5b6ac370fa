using CustomerCare.Core;
using CustomerCare.Interactions;
using NodaTime;

namespace CustomerCare.Storage.Interactions;

/// <summary>
/// The parts of an interaction that no query filters, orders or keeps unique. The rest (ids, channel, external id,
/// instants, sequence) are typed columns.
/// </summary>
internal sealed class InteractionDocument
{
    private static readonly Dictionary<string, string> NoMetadata = new(StringComparer.Ordinal);

    public int Direction { get; init; }

    public int Kind { get; init; }

    public string? Subject { get; init; }

    public string? Reason { get; init; }

    public string? Content { get; init; }

    public string? Language { get; init; }

    public ParticipantDocument[]? Participants { get; init; }

    public string[]? Attachments { get; init; }

    public string[]? InReplyTo { get; init; }

    public string[]? References { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }

    public static InteractionDocument From(Interaction interaction) => new()
    {
        Direction = (int)interaction.Direction,
        Kind = (int)interaction.Kind,
        Subject = interaction.Subject,
        Reason = interaction.ContactReason?.Code,
        Content = interaction.ContentReference,
        Language = interaction.Language,
        Participants = interaction.Participants.Count == 0
            ? null
            : [.. interaction.Participants.Select(p => new ParticipantDocument { Role = (int)p.Role, Point = ContactPointDocument.From(p.ContactPoint) })],
        Attachments = NullIfEmpty(interaction.Attachments),
        InReplyTo = NullIfEmpty(interaction.InReplyTo),
        References = NullIfEmpty(interaction.References),
        Metadata = interaction.Metadata.Count == 0 ? null : new Dictionary<string, string>(interaction.Metadata, StringComparer.Ordinal),
    };

    public Interaction ToInteraction(
        InteractionId id,
        long version,
        long sequence,
        Channel channel,
        CustomerId customerId,
        ConcernId? concernId,
        string? externalId,
        Instant occurredAt,
        Instant recordedAt) => new()
    {
        Id = id,
        Version = version,
        Sequence = sequence,
        Channel = channel,
        Direction = (InteractionDirection)Direction,
        Kind = (InteractionKind)Kind,
        OccurredAt = occurredAt,
        RecordedAt = recordedAt,
        CustomerId = customerId,
        ConcernId = concernId,
        Subject = Subject,
        ContactReason = Reason is null ? null : ContactReason.Parse(Reason),
        ContentReference = Content,
        Language = Language,
        ExternalId = externalId,
        Participants = Participants is null ? [] : [.. Participants.Select(p => new Participant((ParticipantRole)p.Role, p.Point.ToContactPoint()))],
        Attachments = Attachments ?? [],
        InReplyTo = InReplyTo ?? [],
        References = References ?? [],
        Metadata = Metadata ?? NoMetadata,
    };

    private static string[]? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];
}

/// <summary>A participant of an interaction as JSON.</summary>
internal sealed class ParticipantDocument
{
    public int Role { get; init; }

    public ContactPointDocument Point { get; init; } = new();
}
