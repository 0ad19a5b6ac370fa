using System.Globalization;

namespace CustomerCare.Core;

/// <summary>
/// Thrown when a write names a version of an entity that is no longer the stored one, because another
/// operation wrote it first.
/// </summary>
/// <remarks>
/// <para>
/// Stores use optimistic concurrency: every stored entity has a version that starts at 1 and increases by one with
/// each write, and a write states the version it read. Expected version 0 means the entity must not exist yet.
/// </para>
/// <para>
/// The usual fix is to reload the entity and apply the operation again. Operations that must not run twice carry an
/// idempotency key instead.
/// </para>
/// </remarks>
public sealed class ConcurrencyConflictException : CustomerCareException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entityType">The kind of entity, such as <c>Concern</c>.</param>
    /// <param name="entityId">The entity's identifier as text.</param>
    /// <param name="expectedVersion">The version the write expected.</param>
    /// <param name="actualVersion">The stored version, or <see langword="null"/> when the entity does not exist.</param>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="entityId"/> is null or white space.</exception>
    public ConcurrencyConflictException(string entityType, string entityId, long expectedVersion, long? actualVersion)
        : base(FormatMessage(Guard.NotNullOrWhiteSpace(entityType), Guard.NotNullOrWhiteSpace(entityId), expectedVersion, actualVersion))
    {
        EntityType = entityType;
        EntityId = entityId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Gets the kind of entity, such as <c>Concern</c>.</summary>
    public string EntityType { get; }

    /// <summary>Gets the entity's identifier as text.</summary>
    public string EntityId { get; }

    /// <summary>Gets the version the write expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the stored version, or <see langword="null"/> when the entity does not exist.</summary>
    public long? ActualVersion { get; }

    private static string FormatMessage(string entityType, string entityId, long expected, long? actual)
    {
        var stored = actual is { } version ? version.ToString(CultureInfo.InvariantCulture) : "none (it does not exist)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{entityType} {entityId} was changed by another operation: the write expected version {expected}, but the stored version is {stored}. Reload it and apply the change again.");
    }
}
