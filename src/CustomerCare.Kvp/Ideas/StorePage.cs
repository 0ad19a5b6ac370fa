namespace CustomerCare.Kvp.Ideas;

/// <summary>One page of a listing from a store.</summary>
/// <typeparam name="T">The listed entity.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Items">The entities on the page, in the listing's order.</param>
/// <param name="ContinuationToken">The token for the next page, or null when this is the last page.</param>
public sealed record StorePage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
