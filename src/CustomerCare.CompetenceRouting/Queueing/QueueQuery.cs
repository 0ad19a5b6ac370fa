using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>A page request for <see cref="IRoutingQueueStore.ListAsync"/>: filters and a cursor.</summary>
/// <remarks>Entries come in concern-identifier order. This type is immutable and thread-safe.</remarks>
public sealed record QueueQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    private readonly int _limit = 100;

    /// <summary>Gets the status entries must have, or <see langword="null"/> for any status (the default).</summary>
    public QueueEntryStatus? Status { get; init; }

    /// <summary>Gets the ladder entries must be on, or <see langword="null"/> for any ladder (the default).</summary>
    public string? Ladder { get; init; }

    /// <summary>Gets the cursor: only entries whose concern identifier sorts after it; <see langword="null"/> to start (the default).</summary>
    public ConcernId? After { get; init; }

    /// <summary>Gets the maximum number of entries in the page, 1 to <see cref="MaxLimit"/>; 100 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to <see cref="MaxLimit"/>.</exception>
    public int Limit
    {
        get => _limit;
        init => _limit = Guard.InRange(value, 1, MaxLimit);
    }
}
