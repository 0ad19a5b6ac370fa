using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.History;

/// <summary>
/// One recorded interaction as the improvement metrics read it: a contact, a reply, a note, a self-service session,
/// a bot conversation or a survey.
/// </summary>
/// <remarks>
/// <para>
/// This is a neutral input model. The composing CustomerCare package maps the records of the interaction, SLA and
/// procedure packages onto it, and importers map other sources onto it. Fields that do not apply stay at their
/// defaults: a self-service session without a concern has <c>default(ConcernId)</c>, a record without a reason has
/// <c>default(ContactReason)</c>.
/// </para>
/// <para>
/// A customer contact is an <see cref="InteractionDirection.Inbound"/> record by the <see cref="AuthorType.Customer"/>
/// of kind <see cref="InteractionKind.Message"/> or <see cref="InteractionKind.Call"/>. A reply is an
/// <see cref="InteractionDirection.Outbound"/>, public record by a <see cref="AuthorType.Person"/> of one of those two
/// kinds. A record by a person whose <see cref="Level"/> is the self-service level counts at the first level.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct InteractionRecord
{
    /// <summary>Initializes a new record with the fields that every interaction has.</summary>
    /// <param name="concern">The concern the interaction belongs to, or <c>default</c> when it belongs to none.</param>
    /// <param name="customer">The customer, or <c>default</c> when unknown.</param>
    /// <param name="occurredAt">When the interaction happened.</param>
    /// <param name="channel">The channel it came or went through.</param>
    /// <param name="direction">Which way it went.</param>
    /// <param name="author">Who or what wrote it.</param>
    public InteractionRecord(ConcernId concern, CustomerId customer, Instant occurredAt, Channel channel, InteractionDirection direction, AuthorType author)
    {
        Concern = concern;
        Customer = customer;
        OccurredAt = occurredAt;
        Channel = channel;
        Direction = direction;
        Author = author;
    }

    /// <summary>Gets the concern, or <c>default</c> when the interaction belongs to none.</summary>
    public ConcernId Concern { get; init; }

    /// <summary>Gets the customer, or <c>default</c> when unknown.</summary>
    public CustomerId Customer { get; init; }

    /// <summary>Gets when the interaction happened.</summary>
    public Instant OccurredAt { get; init; }

    /// <summary>Gets the channel. <c>default(Channel)</c> makes the record bad.</summary>
    public Channel Channel { get; init; }

    /// <summary>Gets which way the interaction went.</summary>
    public InteractionDirection Direction { get; init; }

    /// <summary>Gets who or what wrote the interaction.</summary>
    public AuthorType Author { get; init; }

    /// <summary>Gets what the interaction is. The default is <see cref="InteractionKind.Message"/>.</summary>
    public InteractionKind Kind { get; init; } = InteractionKind.Message;

    /// <summary>Gets a value indicating whether the customer sees the interaction. The default is <see langword="true"/>; internal notes are <see langword="false"/>.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>Gets the contact reason, or <c>default</c> to use the concern's reason.</summary>
    public ContactReason Reason { get; init; }

    /// <summary>Gets the competence level of the person who handled the interaction.</summary>
    public CompetenceLevel Level { get; init; }

    /// <summary>Gets the recorded work time of the person: talk, hold and after-contact work. Zero when not recorded.</summary>
    public Duration WorkTime { get; init; }

    /// <summary>Gets the survey answers of a <see cref="InteractionKind.SurveyResponse"/>.</summary>
    public SurveyAnswers Survey { get; init; }

    /// <summary>Gets how a self-service session or bot conversation ended.</summary>
    public SelfServiceOutcome SelfServiceOutcome { get; init; }

    /// <summary>Gets the customer's self-service query, used to group knowledge gaps by their terms, or null.</summary>
    public string? Query { get; init; }

    /// <summary>Gets a note on how or why the customer uses the product, tagged by an agent, or null.</summary>
    public string? UsageNote { get; init; }

    /// <summary>Gets the position of the record in its source, such as a line number, for bad-record reports. Zero when unknown.</summary>
    public long Position { get; init; }

    /// <summary>Gets a value indicating whether this is a customer contact: an inbound message or call by the customer.</summary>
    public bool IsCustomerContact =>
        Direction == InteractionDirection.Inbound && Author == AuthorType.Customer && Kind is InteractionKind.Message or InteractionKind.Call;

    /// <summary>Gets a value indicating whether this is a reply by a person: an outbound, public message or call.</summary>
    public bool IsPersonReply =>
        Direction == InteractionDirection.Outbound && Author == AuthorType.Person && IsPublic && Kind is InteractionKind.Message or InteractionKind.Call;
}
