using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Interactions.Customers;

/// <summary>
/// A person or organization that contacts the service organization, with every contact point known for it and its
/// preferences. Merged customers stay as tombstones that point to the survivor; erased customers keep only their
/// identifier and non-personal facts.
/// </summary>
/// <remarks>
/// <para>
/// A snapshot is immutable; change it with a <c>with</c> expression and write it with
/// <see cref="ICustomerStore.UpdateAsync(Customer, long, CancellationToken)"/>. Two snapshots are equal when they
/// have the same <see cref="Id"/> and <see cref="Version"/>, because a store never stores two states under one version.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record Customer
{
    // An array, so that Has and ExternalIdIn loop without allocating an enumerator.
    private readonly ContactPoint[] _contactPoints = [];

    /// <summary>Gets the identifier.</summary>
    public required CustomerId Id { get; init; }

    /// <summary>Gets the stored version: 0 before the first write, then 1, increased by one with every write.</summary>
    public long Version { get; init; }

    /// <summary>Gets the name to show, or <see langword="null"/> when none is known.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the contact points, without duplicates, in the order they were added.</summary>
    public IReadOnlyList<ContactPoint> ContactPoints
    {
        get => _contactPoints;
        init => _contactPoints = Normalize(Guard.NotNull(value));
    }

    /// <summary>Gets the preferences stated by the customer or learned from interactions.</summary>
    public CustomerPreferences Preferences { get; init; } = CustomerPreferences.None;

    /// <summary>Gets when the customer was first recorded.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Gets the customer this one was merged into, or <see langword="null"/>.</summary>
    public CustomerId? MergedInto { get; init; }

    /// <summary>Gets when the customer's personal data was erased, or <see langword="null"/>.</summary>
    public Instant? ErasedAt { get; init; }

    /// <summary>Gets a value indicating whether the customer is neither merged into another nor erased.</summary>
    public bool IsActive => MergedInto is null && ErasedAt is null;

    /// <summary>Returns whether the customer has <paramref name="contactPoint"/>.</summary>
    /// <param name="contactPoint">The contact point to look for.</param>
    /// <returns><see langword="true"/> when one of <see cref="ContactPoints"/> equals it.</returns>
    public bool Has(ContactPoint contactPoint)
    {
        foreach (var point in _contactPoints)
        {
            if (point == contactPoint)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the customer's external id in <paramref name="system"/>, or <see langword="null"/>.</summary>
    /// <param name="system">The normalized system name, such as <c>crm</c>.</param>
    /// <returns>The contact point of kind <see cref="ContactPointKind.ExternalId"/> in that system, if any.</returns>
    public ContactPoint? ExternalIdIn(string system)
    {
        foreach (var point in _contactPoints)
        {
            if (point.Kind == ContactPointKind.ExternalId && string.Equals(point.Scope, system, StringComparison.Ordinal))
            {
                return point;
            }
        }

        return null;
    }

    /// <summary>Returns whether both snapshots have the same identifier and version.</summary>
    /// <param name="other">The snapshot to compare with.</param>
    /// <returns><see langword="true"/> when both are the same stored state.</returns>
    public bool Equals(Customer? other) => other is not null && Id == other.Id && Version == other.Version;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version);

    private static ContactPoint[] Normalize(IReadOnlyList<ContactPoint> value)
    {
        var result = new List<ContactPoint>(value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            if (value[i].Kind == 0)
            {
                throw new ArgumentException(
                    $"Contact point {i} is default(ContactPoint). Create contact points with ContactPoint.Email, ContactPoint.Phone and the other factories.",
                    nameof(value));
            }

            if (!result.Contains(value[i]))
            {
                result.Add(value[i]);
            }
        }

        return [.. result];
    }
}
