using CustomerCare.Core;

namespace CustomerCare.Kvp.Ideas;

/// <summary>A filter over stored ideas and the page to return.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record IdeaQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets the state the ideas must be in, or null for any state.</summary>
    public IdeaState? State { get; init; }

    /// <summary>Gets the contact reason the ideas must target (the reason itself or one below it), or null for any.</summary>
    public ContactReason? TargetReason { get; init; }

    /// <summary>Gets the page size, 1 to <see cref="MaxPageSize"/>. The default is 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Gets the token of the previous page, or null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Returns whether <paramref name="idea"/> matches the filter; for store implementations.</summary>
    /// <param name="idea">The idea.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idea"/> is null.</exception>
    public bool Matches(ImprovementIdea idea)
    {
        Guard.NotNull(idea);
        return (State is not { } state || idea.State == state)
            && (TargetReason is not { } reason || (idea.TargetReason is { } target && target.IsWithin(reason)));
    }
}
