namespace CustomerCare.Interactions.Timeline;

/// <summary>One page of a customer's timeline.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class TimelinePage
{
    /// <summary>Initializes a page.</summary>
    /// <param name="items">The interactions in timeline order.</param>
    /// <param name="continuationToken">The token for the next page, or <see langword="null"/> when this is the last page.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public TimelinePage(IReadOnlyList<Interaction> items, string? continuationToken)
    {
        Items = Guard.NotNull(items);
        ContinuationToken = continuationToken;
    }

    /// <summary>Gets the interactions in timeline order.</summary>
    public IReadOnlyList<Interaction> Items { get; }

    /// <summary>Gets the token for the next page, or <see langword="null"/> when there are no more interactions.</summary>
    public string? ContinuationToken { get; }
}
