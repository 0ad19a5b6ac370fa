namespace CustomerCare.Kvp.Problems;

/// <summary>Where a problem record stands, in the sense of ITIL problem management.</summary>
public enum ProblemState
{
    /// <summary>Opened; the cause is being investigated.</summary>
    Open = 1,

    /// <summary>The cause is known and a workaround exists, but the cause is not removed yet.</summary>
    KnownError = 2,

    /// <summary>The cause was removed by an improvement or a change.</summary>
    Resolved = 3,

    /// <summary>Closed for good.</summary>
    Closed = 4,
}
