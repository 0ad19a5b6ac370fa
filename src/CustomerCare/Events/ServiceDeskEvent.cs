using CustomerCare.Core;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare;

/// <summary>Something that happened in the service desk, as <see cref="IServiceDeskObserver"/> receives it.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Concern">
/// The concern it happened to; the default value for <see cref="ServiceDeskEventKind.IdeaProposed"/>, which is about the
/// organization and not one concern.
/// </param>
/// <remarks>Events carry identifiers and bounded values only, never message text or contact data.</remarks>
public readonly record struct ServiceDeskEvent(ServiceDeskEventKind Kind, Instant At, ConcernId Concern)
{
    /// <summary>Gets the customer of the concern, when known.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the agent involved: offered, acting or escalating; null when none.</summary>
    public AgentId? Agent { get; init; }

    /// <summary>Gets the competence level the concern is at after the event, when known.</summary>
    public CompetenceLevel? Level { get; init; }

    /// <summary>Gets the SLA target kind of an SLA warning or breach; null otherwise.</summary>
    public SlaTargetKind? SlaTarget { get; init; }

    /// <summary>Gets a short machine-readable detail, such as the warning percentage or the escalation reason; null when none.</summary>
    public string? Detail { get; init; }
}
