namespace CustomerCare.Core;

/// <summary>Thrown when an operation needs an entity that the store does not hold.</summary>
/// <remarks>Look-ups that may miss, such as <c>FindAsync</c> methods, return <see langword="null"/> instead.</remarks>
public sealed class EntityNotFoundException : CustomerCareException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entityType">The kind of entity, such as <c>Customer</c>.</param>
    /// <param name="entityId">The identifier that was not found, as text.</param>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="entityId"/> is null or white space.</exception>
    public EntityNotFoundException(string entityType, string entityId)
        : base($"{Guard.NotNullOrWhiteSpace(entityType)} {Guard.NotNullOrWhiteSpace(entityId)} was not found. Check the identifier, or whether the entity was merged or erased.")
    {
        EntityType = entityType;
        EntityId = entityId;
    }

    /// <summary>Gets the kind of entity.</summary>
    public string EntityType { get; }

    /// <summary>Gets the identifier that was not found.</summary>
    public string EntityId { get; }
}
