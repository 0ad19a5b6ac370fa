using CustomerCare.CompetenceRouting.Explanations;

namespace CustomerCare.CompetenceRouting;

/// <summary>Technical settings of the routing engine and the router; the organization's rules are in <see cref="RoutingPolicy"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RoutingOptions
{
    private readonly ExplanationDetail _explanationDetail;
    private readonly int _maxListedExclusions = 25;
    private readonly int _maxClaimAttempts = 3;
    private readonly int _pageSize = 500;

    /// <summary>Gets the default options.</summary>
    public static RoutingOptions Default { get; } = new();

    /// <summary>Gets how much explanations list agent by agent; <see cref="ExplanationDetail.Candidates"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ExplanationDetail"/>.</exception>
    public ExplanationDetail ExplanationDetail
    {
        get => _explanationDetail;
        init => _explanationDetail = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Use Candidates, Counts or AllAgents.");
    }

    /// <summary>Gets the maximum number of excluded agents an explanation lists one by one, 0 to 10,000; 25 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 10,000.</exception>
    public int MaxListedExclusions
    {
        get => _maxListedExclusions;
        init => _maxListedExclusions = Guard.InRange(value, 0, 10_000);
    }

    /// <summary>
    /// Gets how many agents the router tries for one concern in one pass when the directory refuses a claim because
    /// the agent changed in the meantime, 1 to 100; 3 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 100.</exception>
    public int MaxClaimAttempts
    {
        get => _maxClaimAttempts;
        init => _maxClaimAttempts = Guard.InRange(value, 1, 100);
    }

    /// <summary>Gets the page size with which the router reads the stores, 1 to 1,000; 500 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1,000.</exception>
    public int PageSize
    {
        get => _pageSize;
        init => _pageSize = Guard.InRange(value, 1, 1000);
    }
}
