using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using CustomerCare.Interactions.Identity;
using CustomerCare.Interactions.Threading;
using CustomerCare.SelfService;

namespace CustomerCare;

/// <summary>The result of <see cref="ServiceDesk.ReceiveAsync(Interactions.InboundContact, InboundDetails?, CancellationToken)"/>: every decision the service desk took for one contact.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InboundResult
{
    internal InboundResult(InboundOutcome outcome, CustomerId customer, InteractionId interaction)
    {
        Outcome = outcome;
        Customer = customer;
        Interaction = interaction;
    }

    /// <summary>Gets what the service desk did with the contact.</summary>
    public InboundOutcome Outcome { get; }

    /// <summary>
    /// Gets whether the contact was received before. A duplicate whose hand-off did not finish the first time (the
    /// process stopped in between) is handed off now, so <see cref="Outcome"/> can be other than
    /// <see cref="InboundOutcome.Duplicate"/>.
    /// </summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Gets the customer the contact was attributed to.</summary>
    public CustomerId Customer { get; }

    /// <summary>Gets whether the contact created the customer.</summary>
    public bool CustomerCreated { get; init; }

    /// <summary>Gets how the customer was identified: the matched contact point and how sure the match is.</summary>
    /// <value>Null for a duplicate, whose customer was identified the first time.</value>
    public IdentityMatch? Identity { get; init; }

    /// <summary>Gets the recorded interaction.</summary>
    public InteractionId Interaction { get; }

    /// <summary>Gets the concern the contact belongs to.</summary>
    public ConcernId Concern { get; init; }

    /// <summary>Gets how the contact was threaded into its concern (joined, reopened, new, ...) and why.</summary>
    /// <value>Null for a duplicate.</value>
    public ThreadingOutcome? Threading { get; init; }

    /// <summary>Gets the self-service decision: answered, suggested or handed off, with the match and the reason.</summary>
    /// <value>Null when self-service did not run: a duplicate, a contact on a handled concern, no text, or no matcher.</value>
    public SelfServiceOutcome? SelfService { get; init; }

    /// <summary>Gets the priority the concern is handled with, or null when it was not handed off.</summary>
    public Priority? Priority { get; init; }

    /// <summary>Gets the competence level the concern entered at, or null when it was not handed off.</summary>
    public CompetenceLevel? Level { get; init; }

    /// <summary>Gets the agent who was offered the concern, or null when none was.</summary>
    public AgentId? OfferedTo { get; init; }

    /// <summary>Gets why the concern went where it went: the classification rule, ladder step and agent selection.</summary>
    /// <value>Null when the concern was not routed.</value>
    public RoutingExplanation? Routing { get; init; }

    /// <summary>Gets the procedure state of the concern after the contact, such as <c>triaged</c>, or null when it has none.</summary>
    public string? ProcedureState { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Outcome}: customer {Customer}, interaction {Interaction}, concern {Concern}";
}
