using CustomerCare.Core;

namespace CustomerCare;

/// <summary>
/// Facts about an inbound contact beyond the message itself, from the channel adapter or the host: how complex and
/// urgent it is, the customer's service tier, and whether the customer asks for a person.
/// </summary>
/// <remarks>Every property is optional; <see cref="Default"/> leaves the decisions to the policies.</remarks>
public sealed record InboundDetails
{
    /// <summary>Gets details with every property at its default.</summary>
    public static InboundDetails Default { get; } = new();

    /// <summary>Gets the complexity from 1 (simple) to 5 (expert), which selects the entry competence level.</summary>
    /// <value>The default is 1.</value>
    public int Complexity { get; init; } = 1;

    /// <summary>Gets the ITIL impact, which with <see cref="Urgency"/> sets the priority through the priority matrix.</summary>
    /// <value>The default, when null, is the middle impact level of the matrix.</value>
    public Impact? Impact { get; init; }

    /// <summary>Gets the ITIL urgency, which with <see cref="Impact"/> sets the priority through the priority matrix.</summary>
    /// <value>The default, when null, is the middle urgency level of the matrix.</value>
    public Urgency? Urgency { get; init; }

    /// <summary>Gets the priority, which replaces the one from impact and urgency.</summary>
    /// <value>The default, when null, derives it from <see cref="Impact"/> and <see cref="Urgency"/>.</value>
    public Priority? Priority { get; init; }

    /// <summary>Gets the customer's service tier, which selects SLA targets and routing rules.</summary>
    /// <value>The default is <see cref="ServiceTier.Standard"/>.</value>
    public ServiceTier Tier { get; init; } = ServiceTier.Standard;

    /// <summary>Gets whether the customer asked for a person, which skips the self-service answer.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AsksForPerson { get; init; }

    /// <summary>Gets an amount the concern is about, such as a refund, which self-service compares with its limits.</summary>
    /// <value>The default, when null, is no amount.</value>
    public decimal? Amount { get; init; }

    /// <summary>Gets the concern type whose procedure starts, such as <c>service-request</c>.</summary>
    /// <value>The default, when null, is <see cref="ServiceDeskOptions.ConcernType"/>.</value>
    public string? ConcernType { get; init; }
}
