using CustomerCare.Core;
using CustomerCare.Interactions.Customers;
using NodaTime;

namespace CustomerCare.Storage.Interactions;

/// <summary>
/// The parts of a merge record that no query filters on: who and why, the merged customer's snapshot, what moved and
/// the undo. Instants are microseconds since the Unix epoch.
/// </summary>
internal sealed class MergeDocument
{
    public string Actor { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    public CustomerSnapshotDocument Snapshot { get; init; } = new();

    public Guid[]? MovedInteractions { get; init; }

    public Guid[]? MovedConcerns { get; init; }

    public ContactPointDocument[]? MovedContactPoints { get; init; }

    public long? UndoneAt { get; init; }

    public string? UndoneBy { get; init; }

    public string? UndoReason { get; init; }

    public static MergeDocument From(CustomerMerge merge) => new()
    {
        Actor = merge.Actor,
        Reason = merge.Reason,
        Snapshot = CustomerSnapshotDocument.From(merge.MergedSnapshot),
        MovedInteractions = merge.MovedInteractions.Count == 0 ? null : [.. merge.MovedInteractions.Select(id => id.Value)],
        MovedConcerns = merge.MovedConcerns.Count == 0 ? null : [.. merge.MovedConcerns.Select(id => id.Value)],
        MovedContactPoints = ContactPointDocument.FromAll(merge.MovedContactPoints),
        UndoneAt = merge.UndoneAt is { } undoneAt ? Microseconds.Floor(undoneAt) : null,
        UndoneBy = merge.UndoneBy,
        UndoReason = merge.UndoReason,
    };

    public CustomerMerge ToMerge(CustomerMergeId id, long version, CustomerId survivorId, CustomerId mergedId, Instant mergedAt) => new()
    {
        Id = id,
        Version = version,
        SurvivorId = survivorId,
        MergedId = mergedId,
        MergedAt = mergedAt,
        Actor = Actor,
        Reason = Reason,
        MergedSnapshot = Snapshot.ToCustomer(),
        MovedInteractions = MovedInteractions is null ? [] : [.. MovedInteractions.Select(value => new InteractionId(value))],
        MovedConcerns = MovedConcerns is null ? [] : [.. MovedConcerns.Select(value => new ConcernId(value))],
        MovedContactPoints = ContactPointDocument.ToAll(MovedContactPoints),
        UndoneAt = UndoneAt is { } undoneAt ? Microseconds.ToInstant(undoneAt) : null,
        UndoneBy = UndoneBy,
        UndoReason = UndoReason,
    };
}

/// <summary>A whole customer as JSON, for the snapshot in a merge record.</summary>
internal sealed class CustomerSnapshotDocument
{
    public Guid Id { get; init; }

    public long Version { get; init; }

    public long CreatedAt { get; init; }

    public Guid? MergedInto { get; init; }

    public long? ErasedAt { get; init; }

    public CustomerDocument Details { get; init; } = new();

    public static CustomerSnapshotDocument From(Customer customer) => new()
    {
        Id = customer.Id.Value,
        Version = customer.Version,
        CreatedAt = Microseconds.Floor(customer.CreatedAt),
        MergedInto = customer.MergedInto?.Value,
        ErasedAt = customer.ErasedAt is { } erasedAt ? Microseconds.Floor(erasedAt) : null,
        Details = CustomerDocument.From(customer),
    };

    public Customer ToCustomer() => Details.ToCustomer(
        new CustomerId(Id),
        Version,
        Microseconds.ToInstant(CreatedAt),
        MergedInto is { } mergedInto ? new CustomerId(mergedInto) : null,
        ErasedAt is { } erasedAt ? Microseconds.ToInstant(erasedAt) : null);
}
