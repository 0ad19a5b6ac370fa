using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Contacts;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>The simulation's record of one handed-off concern: its first contact and its progress.</summary>
internal sealed class ConcernCase(ConcernId id, CustomerId customer, ContactRequest contact)
{
    public ConcernId Id { get; } = id;

    public CustomerId Customer { get; } = customer;

    /// <summary>Gets the contact that opened the concern; its complexity is the lowest level that can resolve it.</summary>
    public ContactRequest Contact { get; } = contact;

    /// <summary>Gets or sets the agent working on it, or null while it waits in a queue.</summary>
    public AgentState? Agent { get; set; }

    /// <summary>Gets or sets the deepest level that has worked on it.</summary>
    public int Level { get; set; } = 1;

    public bool AskedForInformation { get; set; }

    public bool WaitingForCustomer { get; set; }

    public bool Resolved { get; set; }

    /// <summary>Gets the SLA targets whose outcome is recorded, so each is recorded once.</summary>
    public HashSet<string> SlaRecorded { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the number of actions taken, for idempotency keys unique per action.</summary>
    public int Actions { get; set; }
}
