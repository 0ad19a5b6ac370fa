using NodaTime;

namespace CustomerCare.DueWork;

/// <summary>
/// A work item that one worker holds until <see cref="LeasedUntil"/>. Other workers do not receive it while the
/// lease lasts; when the lease ends without <see cref="IWorkQueue.CompleteAsync"/>, the item is due again.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class LeasedWorkItem
{
    /// <summary>Initializes a new lease.</summary>
    /// <param name="item">The leased item.</param>
    /// <param name="owner">The worker that holds the lease.</param>
    /// <param name="leasedUntil">The instant the lease ends.</param>
    /// <param name="attempt">The number of times the item was leased, this lease included; 1 for the first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or <paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is less than 1.</exception>
    public LeasedWorkItem(WorkItem item, string owner, Instant leasedUntil, int attempt)
    {
        Item = Guard.NotNull(item);
        Owner = Guard.NotNullOrWhiteSpace(owner);
        LeasedUntil = leasedUntil;
        Attempt = Guard.InRange(attempt, 1, int.MaxValue);
    }

    /// <summary>Gets the leased item.</summary>
    public WorkItem Item { get; }

    /// <summary>Gets the worker that holds the lease.</summary>
    public string Owner { get; }

    /// <summary>Gets the instant the lease ends.</summary>
    public Instant LeasedUntil { get; }

    /// <summary>Gets the number of times the item was leased, this lease included.</summary>
    public int Attempt { get; }

    /// <summary>Returns the item, the owner and the attempt, for logs and test output.</summary>
    /// <returns>Text such as <c>sla.warning … leased by host-1 until … (attempt 2)</c>.</returns>
    public override string ToString() => $"{Item} leased by {Owner} until {LeasedUntil} (attempt {Attempt})";
}
