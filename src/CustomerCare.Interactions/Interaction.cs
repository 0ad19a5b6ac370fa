using CustomerCare.Core;
using CustomerCare.Interactions.Timeline;
using NodaTime;

namespace CustomerCare.Interactions;

/// <summary>
/// One contact or transaction on any channel: a message, call, letter, fax, order, payment, self-service session,
/// note or survey answer, tied to one customer and usually to one concern.
/// </summary>
/// <remarks>
/// <para>
/// The content itself stays in the host's storage: <see cref="ContentReference"/> and <see cref="Attachments"/> point
/// to it. <see cref="ExternalId"/> is the id the channel gave the interaction (an email Message-ID without angle
/// brackets, a call id, a scan id); recording is idempotent on it per channel.
/// </para>
/// <para>
/// A snapshot is immutable. Two snapshots are equal when they have the same <see cref="Id"/> and
/// <see cref="Version"/>, because a store never stores two states under one version.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record Interaction
{
    /// <summary>The maximum length of <see cref="ExternalId"/> and of each message id, in characters (the line limit of RFC 5322).</summary>
    public const int MaxExternalIdLength = 998;

    /// <summary>The maximum number of <see cref="Metadata"/> entries.</summary>
    public const int MaxMetadataEntries = 64;

    private readonly IReadOnlyList<Participant> _participants = [];
    private readonly IReadOnlyList<string> _attachments = [];
    private readonly IReadOnlyList<string> _inReplyTo = [];
    private readonly IReadOnlyList<string> _references = [];
    // A concrete dictionary, so that Validate, which runs on every recording, loops without allocating an enumerator.
    private readonly Dictionary<string, string> _metadata = EmptyMetadata;

    private static readonly Dictionary<string, string> EmptyMetadata = new(StringComparer.Ordinal);

    /// <summary>Gets the identifier.</summary>
    public required InteractionId Id { get; init; }

    /// <summary>Gets the stored version: 0 before recording, then 1, increased by one with every write.</summary>
    public long Version { get; init; }

    /// <summary>Gets the store's sequence number, which breaks ties in the timeline; 0 before recording.</summary>
    public long Sequence { get; init; }

    /// <summary>Gets the channel.</summary>
    public required Channel Channel { get; init; }

    /// <summary>Gets who started the interaction.</summary>
    public required InteractionDirection Direction { get; init; }

    /// <summary>Gets what the interaction is.</summary>
    public required InteractionKind Kind { get; init; }

    /// <summary>Gets when the interaction happened, such as the date a letter was written.</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>Gets when it was recorded, such as the time a letter was scanned.</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>Gets the customer.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>Gets the concern, or <see langword="null"/> for a transaction or note that belongs to none.</summary>
    public ConcernId? ConcernId { get; init; }

    /// <summary>Gets the subject line or title, or <see langword="null"/>.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets why the customer made contact, or <see langword="null"/> when not classified.</summary>
    public ContactReason? ContactReason { get; init; }

    /// <summary>Gets where the host stores the content (body, recording, scan), such as a blob URI, or <see langword="null"/>.</summary>
    public string? ContentReference { get; init; }

    /// <summary>Gets the language of the content as a lower-case BCP 47 tag, or <see langword="null"/>.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the channel's id of the interaction, such as an email Message-ID without angle brackets, or <see langword="null"/>.</summary>
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

    /// <summary>Gets the message ids of the email's <c>In-Reply-To</c> header, without angle brackets.</summary>
    public IReadOnlyList<string> InReplyTo
    {
        get => _inReplyTo;
        init => _inReplyTo = [.. Guard.NoNullElements(value)];
    }

    /// <summary>Gets the message ids of the email's <c>References</c> header, oldest first, without angle brackets.</summary>
    public IReadOnlyList<string> References
    {
        get => _references;
        init => _references = [.. Guard.NoNullElements(value)];
    }

    /// <summary>Gets other facts from the channel, such as a call's duration or an order total.</summary>
    public IReadOnlyDictionary<string, string> Metadata
    {
        get => _metadata;
        init => _metadata = new Dictionary<string, string>(Guard.NotNull(value), StringComparer.Ordinal);
    }

    /// <summary>Gets the position in the customer's timeline.</summary>
    public TimelineKey TimelineKey => new(OccurredAt, RecordedAt, Sequence);

    /// <summary>Returns the sender's participant entry, or <see langword="null"/>.</summary>
    /// <returns>The first participant with role <see cref="ParticipantRole.From"/>.</returns>
    public Participant? Sender()
    {
        foreach (var participant in _participants)
        {
            if (participant.Role == ParticipantRole.From)
            {
                return participant;
            }
        }

        return null;
    }

    /// <summary>Checks every property and throws one exception that lists all problems.</summary>
    /// <exception cref="CustomerCareValidationException">A property is invalid; the errors name each one.</exception>
    public void Validate()
    {
        // The checks run on every recording, so the error list and its path text are only built when something fails.
        List<ValidationError>? errors = null;
        if (Id == default)
        {
            Add(ref errors, "Id is default(InteractionId)", "Create the id with InteractionId.New(instant).");
        }

        if (CustomerId == default)
        {
            Add(ref errors, "CustomerId is default(CustomerId)", "Resolve or create the customer first.");
        }

        if (ConcernId == default(ConcernId))
        {
            Add(ref errors, "ConcernId is default(ConcernId)", "Pass null for no concern, or a valid id.");
        }

        if (Channel == default)
        {
            Add(ref errors, "Channel is default(Channel)", "Pass a channel such as Channel.Email.");
        }

        if (Direction is < InteractionDirection.Inbound or > InteractionDirection.Internal)
        {
            Add(ref errors, "Direction is not defined", "Use Inbound, Outbound or Internal.", ((int)Direction).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Kind is < InteractionKind.Message or > InteractionKind.SurveyAnswer)
        {
            Add(ref errors, "Kind is not defined", "Use one of the InteractionKind values.", ((int)Kind).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ContactReason is { } reason && reason == default)
        {
            Add(ref errors, "ContactReason is default(ContactReason)", "Pass null when the reason is unknown.");
        }

        if (ExternalId is not null && (string.IsNullOrWhiteSpace(ExternalId) || ExternalId.Length > MaxExternalIdLength))
        {
            Add(ref errors, $"ExternalId is empty, white space or longer than {MaxExternalIdLength} characters", "Pass null when the channel gives no id.", ExternalId);
        }

        AddMessageIdErrors(ref errors, nameof(InReplyTo), _inReplyTo);
        AddMessageIdErrors(ref errors, nameof(References), _references);

        if (_metadata.Count > MaxMetadataEntries)
        {
            Add(ref errors, $"Metadata has {_metadata.Count} entries and the maximum is {MaxMetadataEntries}", "Keep large data in the content and point to it with ContentReference.");
        }

        foreach (var (key, value) in _metadata)
        {
            if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                Add(ref errors, "Metadata has an empty key or a null value", "Remove the entry or give it a key and a value.", key);
            }
        }

        if (errors is not null)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    /// <summary>Returns whether both snapshots have the same identifier and version.</summary>
    /// <param name="other">The snapshot to compare with.</param>
    /// <returns><see langword="true"/> when both are the same stored state.</returns>
    public bool Equals(Interaction? other) => other is not null && Id == other.Id && Version == other.Version;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version);

    private void Add(ref List<ValidationError>? errors, string problem, string fix, string? value = null, string? property = null)
    {
        errors ??= [];
        var path = property is null ? $"interaction {Id}" : $"interaction {Id} → {property}";
        errors.Add(new ValidationError(path, problem, fix, value));
    }

    private void AddMessageIdErrors(ref List<ValidationError>? errors, string property, IReadOnlyList<string> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]) || ids[i].Length > MaxExternalIdLength)
            {
                Add(ref errors, $"the message id is empty, white space or longer than {MaxExternalIdLength} characters", "Remove it.", ids[i], $"{property}[{i}]");
            }
        }
    }
}
