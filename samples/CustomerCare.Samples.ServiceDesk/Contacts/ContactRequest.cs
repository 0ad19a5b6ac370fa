using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Contacts;

/// <summary>One inbound contact as the simulation feeds it to the service desk, generated or read from a file.</summary>
/// <param name="ExternalId">The contact's key in its source, such as <c>gen-000042</c> or <c>cfpb-1521337</c>; a repeat
/// of the same key is the same contact.</param>
/// <param name="ArrivesAt">When the contact arrives.</param>
/// <param name="Customer">Who makes the contact.</param>
/// <param name="Channel">The channel it arrives on.</param>
/// <param name="Reason">The contact reason the customer has, which the desk has to find out.</param>
/// <param name="Text">What the customer writes or says.</param>
/// <param name="Complexity">The lowest competence level (1 to 3) that can resolve the concern.</param>
internal sealed record ContactRequest(
    string ExternalId,
    Instant ArrivesAt,
    SimulatedCustomer Customer,
    Channel Channel,
    ContactReason Reason,
    string Text,
    int Complexity)
{
    /// <summary>Gets the product the contact is about, or null when unknown.</summary>
    public string? Product { get; init; }

    /// <summary>Gets the agent skill the concern needs, or null when any agent of the level can take it.</summary>
    public string? Skill { get; init; }

    /// <summary>Gets the external id of the earlier contact this one follows up on, or null for a first contact.</summary>
    public string? FollowUpOf { get; init; }

    /// <summary>Gets where the contact came from, such as <c>complaints.csv line 17</c>, for messages.</summary>
    public string? SourcePosition { get; init; }
}
