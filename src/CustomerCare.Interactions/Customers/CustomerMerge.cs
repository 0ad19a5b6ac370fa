using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Interactions.Customers;

/// <summary>
/// The record of one customer merged into another: who merged them and why, and exactly what moved, so that the
/// merge can be undone.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MergedSnapshot"/> is the merged customer as it was before the merge. Undo restores it, moves
/// <see cref="MovedInteractions"/> and <see cref="MovedConcerns"/> back and removes <see cref="MovedContactPoints"/>
/// from the survivor. Interactions recorded on the survivor after the merge stay with the survivor.
/// </para>
/// <para>
/// Two snapshots are equal when they have the same <see cref="Id"/> and <see cref="Version"/>. This type is immutable
/// and thread-safe.
/// </para>
/// </remarks>
public sealed record CustomerMerge
{
    private readonly IReadOnlyList<InteractionId> _movedInteractions = [];
    private readonly IReadOnlyList<ConcernId> _movedConcerns = [];
    private readonly IReadOnlyList<ContactPoint> _movedContactPoints = [];

    /// <summary>Gets the identifier.</summary>
    public required CustomerMergeId Id { get; init; }

    /// <summary>Gets the stored version: 0 before the first write, then 1, increased by one with every write.</summary>
    public long Version { get; init; }

    /// <summary>Gets the customer that remains.</summary>
    public required CustomerId SurvivorId { get; init; }

    /// <summary>Gets the customer that was merged into the survivor.</summary>
    public required CustomerId MergedId { get; init; }

    /// <summary>Gets who merged, such as an agent id or a user name.</summary>
    public required string Actor { get; init; }

    /// <summary>Gets why the customers were merged.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets when the customers were merged.</summary>
    public required Instant MergedAt { get; init; }

    /// <summary>Gets the merged customer as it was before the merge.</summary>
    public required Customer MergedSnapshot { get; init; }

    /// <summary>Gets the interactions that moved to the survivor.</summary>
    public IReadOnlyList<InteractionId> MovedInteractions
    {
        get => _movedInteractions;
        init => _movedInteractions = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets the concerns that moved to the survivor.</summary>
    public IReadOnlyList<ConcernId> MovedConcerns
    {
        get => _movedConcerns;
        init => _movedConcerns = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets the contact points that the survivor gained from the merged customer.</summary>
    public IReadOnlyList<ContactPoint> MovedContactPoints
    {
        get => _movedContactPoints;
        init => _movedContactPoints = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets when the merge was undone, or <see langword="null"/>.</summary>
    public Instant? UndoneAt { get; init; }

    /// <summary>Gets who undid the merge, or <see langword="null"/>.</summary>
    public string? UndoneBy { get; init; }

    /// <summary>Gets why the merge was undone, or <see langword="null"/>.</summary>
    public string? UndoReason { get; init; }

    /// <summary>Gets a value indicating whether the merge was undone.</summary>
    public bool IsUndone => UndoneAt is not null;

    /// <summary>Returns whether both snapshots have the same identifier and version.</summary>
    /// <param name="other">The snapshot to compare with.</param>
    /// <returns><see langword="true"/> when both are the same stored state.</returns>
    public bool Equals(CustomerMerge? other) => other is not null && Id == other.Id && Version == other.Version;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version);
}
