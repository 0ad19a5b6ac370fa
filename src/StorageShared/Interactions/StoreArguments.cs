using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;

namespace CustomerCare.Storage.Interactions;

/// <summary>
/// The argument checks and messages that the interaction stores share, worded as the in-memory stores word them, so
/// a caller sees the same exception on every store.
/// </summary>
internal static class StoreArguments
{
    public static void RequireNew(Customer customer)
    {
        Guard.NotNull(customer);
        Guard.NotDefault(customer.Id, nameof(customer));
        if (customer.Version != 0)
        {
            throw new ArgumentException(
                $"Customer {customer.Id} has version {customer.Version}; a new customer must have version 0. Use UpdateAsync to change a stored one.",
                nameof(customer));
        }
    }

    public static void RequireNew(Interaction interaction)
    {
        Guard.NotNull(interaction);
        if (interaction.Version != 0 || interaction.Sequence != 0)
        {
            throw new ArgumentException(
                $"Interaction {interaction.Id} has version {interaction.Version} and sequence {interaction.Sequence}; a new interaction must have 0 for both. Use UpdateAsync to change a stored one.",
                nameof(interaction));
        }

        interaction.Validate();
    }

    public static void RequireNew(Concern concern, string? idempotencyKey)
    {
        Guard.NotNull(concern);
        Guard.NotDefault(concern.Id, nameof(concern));
        Guard.NotDefault(concern.CustomerId, nameof(concern));
        if (concern.Version != 0 || concern.Number != 0)
        {
            throw new ArgumentException(
                $"Concern {concern.Id} has version {concern.Version} and number {concern.Number}; a new concern must have 0 for both.",
                nameof(concern));
        }

        if (idempotencyKey is not null)
        {
            Guard.NotNullOrWhiteSpace(idempotencyKey);
        }
    }

    public static void RequireKind(ContactPoint contactPoint)
    {
        if (contactPoint.Kind == 0)
        {
            throw new ArgumentException("The contact point is default(ContactPoint). Create it with ContactPoint.Email or another factory.", nameof(contactPoint));
        }
    }

    public static ArgumentException CreatedAtChanged(Customer customer) =>
        new($"Customer {customer.Id}: CreatedAt never changes. Copy the stored snapshot with a 'with' expression.", nameof(customer));

    public static ArgumentException FixedFieldsChanged(Interaction interaction) =>
        new($"Interaction {interaction.Id}: the sequence, occurred-at, recorded-at and channel never change after recording. Copy the stored snapshot with a 'with' expression.", nameof(interaction));

    public static ArgumentException ExternalIdTaken(Interaction interaction) =>
        new($"Interaction {interaction.Id}: another interaction on this channel has the same external id.", nameof(interaction));

    public static ArgumentException FixedFieldsChanged(Concern concern) =>
        new($"Concern {concern.Id}: the number and opened-at never change. Copy the stored snapshot with a 'with' expression.", nameof(concern));
}
