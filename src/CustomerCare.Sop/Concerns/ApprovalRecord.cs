using NodaTime;

namespace CustomerCare.Sop;

/// <summary>A decision at an approval gate: which gate, the decision, the approver and when.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ApprovalRecord
{
    /// <summary>Initializes a new record.</summary>
    /// <param name="gate">The approval gate's state name.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="approver">Who decided.</param>
    /// <param name="at">When.</param>
    /// <param name="version">The concern version that the decision produced.</param>
    /// <exception cref="ArgumentException"><paramref name="gate"/> is null or white space, or <paramref name="approver"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public ApprovalRecord(string gate, ApprovalDecision decision, Actor approver, Instant at, long version)
    {
        Gate = Guard.NotNullOrWhiteSpace(gate);
        Decision = decision;
        Approver = Actor.Require(approver);
        At = at;
        Version = version >= 1 ? version : throw new ArgumentOutOfRangeException(nameof(version), version, "Versions start at 1.");
    }

    /// <summary>Gets the approval gate's state name.</summary>
    public string Gate { get; }

    /// <summary>Gets the decision.</summary>
    public ApprovalDecision Decision { get; }

    /// <summary>Gets who decided.</summary>
    public Actor Approver { get; }

    /// <summary>Gets when the decision was taken.</summary>
    public Instant At { get; }

    /// <summary>Gets the concern version that the decision produced, which is also its audit entry's version.</summary>
    public long Version { get; }
}
