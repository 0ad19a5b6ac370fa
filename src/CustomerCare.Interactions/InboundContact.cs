using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Interactions;

/// <summary>
/// An inbound contact as a channel adapter delivers it, before the customer and the concern are known: what
/// <see cref="InteractionRecorder.RecordInboundAsync"/> turns into an <see cref="Interaction"/>.
/// </summary>
/// <remarks>This type is immutable once constructed; it is thread-safe to read.</remarks>
public sealed record InboundContact
{
    private readonly IReadOnlyList<Participant> _participants = [];
    private readonly IReadOnlyList<ContactPoint> _identity = [];
    private readonly IReadOnlyList<string> _attachments = [];
    private readonly IReadOnlyList<string> _inReplyTo = [];
    private readonly IReadOnlyList<string> _references = [];
    private readonly IReadOnlyDictionary<string, string> _metadata = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the channel.</summary>
    public required Channel Channel { get; init; }

    /// <summary>Gets what the contact is; <see cref="InteractionKind.Message"/> by default.</summary>
    public InteractionKind Kind { get; init; } = InteractionKind.Message;

    /// <summary>Gets when the contact happened, such as the date a letter was written.</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>Gets when it was recorded; <see langword="null"/> (the default) takes the clock's current instant.</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>Gets the id to give the interaction; <see langword="null"/> (the default) creates one from the recording instant.</summary>
    public InteractionId? Id { get; init; }

    /// <summary>Gets the contact points that identify the sender, such as the From address and a customer number; when empty, the From participants are used.</summary>
    public IReadOnlyList<ContactPoint> Identity
    {
        get => _identity;
        init => _identity = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets the sender's name, stored on a new customer; <see langword="null"/> when unknown.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the subject line, or <see langword="null"/>.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the contact reason when the channel or a classifier provides it, or <see langword="null"/>.</summary>
    public ContactReason? ContactReason { get; init; }

    /// <summary>Gets where the host stores the content, or <see langword="null"/>.</summary>
    public string? ContentReference { get; init; }

    /// <summary>Gets the plain text of the body, searched for signed references and not stored; <see langword="null"/> for none.</summary>
    public string? BodyText { get; init; }

    /// <summary>Gets the content's language as a BCP 47 tag, or <see langword="null"/>.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the channel's id, such as an email Message-ID without angle brackets, or <see langword="null"/>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the parties.</summary>
    public IReadOnlyList<Participant> Participants
    {
        get => _participants;
        init => _participants = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets where the host stores the attachments.</summary>
    public IReadOnlyList<string> Attachments
    {
        get => _attachments;
        init => _attachments = [.. Guard.NoNullElements(value)];
    }

    /// <summary>Gets the <c>In-Reply-To</c> message ids without angle brackets.</summary>
    public IReadOnlyList<string> InReplyTo
    {
        get => _inReplyTo;
        init => _inReplyTo = [.. Guard.NoNullElements(value)];
    }

    /// <summary>Gets the <c>References</c> message ids, oldest first, without angle brackets.</summary>
    public IReadOnlyList<string> References
    {
        get => _references;
        init => _references = [.. Guard.NoNullElements(value)];
    }

    /// <summary>Gets other facts from the channel.</summary>
    public IReadOnlyDictionary<string, string> Metadata
    {
        get => _metadata;
        init => _metadata = new Dictionary<string, string>(Guard.NotNull(value), StringComparer.Ordinal);
    }

    /// <summary>Returns the contact points used for identity resolution: <see cref="Identity"/>, or the From participants when it is empty.</summary>
    /// <returns>The contact points.</returns>
    public IReadOnlyList<ContactPoint> IdentifyingContactPoints() =>
        _identity.Count > 0 ? _identity : [.. _participants.Where(p => p.Role == ParticipantRole.From).Select(p => p.ContactPoint)];
}
