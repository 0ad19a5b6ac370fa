using CustomerCare.Core;

namespace CustomerCare.Kvp.Problems;

/// <summary>A filter over stored problem records and the page to return.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ProblemQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets the state the records must be in, or null for any state.</summary>
    public ProblemState? State { get; init; }

    /// <summary>Gets a concern the records must group, or null for any.</summary>
    public ConcernId? Concern { get; init; }

    /// <summary>Gets the page size, 1 to <see cref="MaxPageSize"/>. The default is 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Gets the token of the previous page, or null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Returns whether <paramref name="problem"/> matches the filter; for store implementations.</summary>
    /// <param name="problem">The record.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public bool Matches(ProblemRecord problem)
    {
        Guard.NotNull(problem);
        return (State is not { } state || problem.State == state)
            && (Concern is not { } concern || problem.Concerns.Contains(concern));
    }
}
