using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;

namespace CustomerCare.Interactions.Customers;

/// <summary>
/// Thrown when a write would give a contact point to a customer while another active customer already has it.
/// </summary>
/// <remarks>
/// Every contact point except a postal address belongs to at most one active customer, so that identity resolution
/// is unambiguous and two concurrent first contacts from one address cannot create two customers. The usual fix is to
/// resolve the identity again, which now finds <see cref="OwnerId"/>, or to merge the two customers.
/// </remarks>
public sealed class ContactPointInUseException : CustomerCareException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="kind">The kind of the contact point.</param>
    /// <param name="ownerId">The customer that has the contact point.</param>
    /// <param name="customerId">The customer that the write would give it to.</param>
    public ContactPointInUseException(ContactPointKind kind, CustomerId ownerId, CustomerId customerId)
        : base($"A {kind} contact point of customer {customerId} already belongs to customer {ownerId}. Resolve the identity again, or merge the two customers.")
    {
        Kind = kind;
        OwnerId = ownerId;
        CustomerId = customerId;
    }

    /// <summary>Gets the kind of the contact point.</summary>
    public ContactPointKind Kind { get; }

    /// <summary>Gets the customer that has the contact point.</summary>
    public CustomerId OwnerId { get; }

    /// <summary>Gets the customer that the write would give it to.</summary>
    public CustomerId CustomerId { get; }
}
