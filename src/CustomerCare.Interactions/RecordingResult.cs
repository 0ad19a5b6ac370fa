using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Identity;
using CustomerCare.Interactions.Threading;

namespace CustomerCare.Interactions;

/// <summary>What recording an inbound contact did: the interaction, the customer, the concern, and why.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RecordingResult
{
    internal RecordingResult(Interaction interaction, Customer customer, Concern? concern, IdentityMatch identity, ThreadingOutcome threading, bool wasDuplicate, bool customerCreated)
    {
        Interaction = interaction;
        Customer = customer;
        Concern = concern;
        Identity = identity;
        Threading = threading;
        WasDuplicate = wasDuplicate;
        CustomerCreated = customerCreated;
    }

    /// <summary>Gets the stored interaction, or the one recorded before for a duplicate.</summary>
    public Interaction Interaction { get; }

    /// <summary>Gets the customer the interaction belongs to.</summary>
    public Customer Customer { get; }

    /// <summary>Gets the concern the interaction belongs to as stored after recording, or <see langword="null"/> for a duplicate without one.</summary>
    public Concern? Concern { get; }

    /// <summary>Gets how the customer was found.</summary>
    public IdentityMatch Identity { get; }

    /// <summary>Gets how the concern was chosen, with the reason of every step.</summary>
    public ThreadingOutcome Threading { get; }

    /// <summary>Gets a value indicating whether the contact was recorded before, so nothing new was stored.</summary>
    public bool WasDuplicate { get; }

    /// <summary>Gets a value indicating whether a new customer was created.</summary>
    public bool CustomerCreated { get; }
}
