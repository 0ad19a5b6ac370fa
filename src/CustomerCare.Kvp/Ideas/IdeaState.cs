namespace CustomerCare.Kvp.Ideas;

/// <summary>Where an improvement idea stands in its lifecycle.</summary>
/// <remarks>
/// Submitted → Screening → Evaluation → Approved, Rejected or Parked → InImplementation → Implemented → Measured →
/// Closed. A parked idea can return to evaluation; rejected and parked ideas can be closed.
/// </remarks>
public enum IdeaState
{
    /// <summary>Submitted and waiting for screening.</summary>
    Submitted = 1,

    /// <summary>Checked for duplicates and scope.</summary>
    Screening = 2,

    /// <summary>Weighed by impact, effort and evidence.</summary>
    Evaluation = 3,

    /// <summary>Approved for implementation.</summary>
    Approved = 4,

    /// <summary>Rejected, with a reason given to the submitter.</summary>
    Rejected = 5,

    /// <summary>Kept for later; it may return to evaluation.</summary>
    Parked = 6,

    /// <summary>Being implemented.</summary>
    InImplementation = 7,

    /// <summary>Implemented; its effect is not measured yet.</summary>
    Implemented = 8,

    /// <summary>Its effect was measured against the baseline (the check step of plan-do-check-act).</summary>
    Measured = 9,

    /// <summary>Closed for good.</summary>
    Closed = 10,
}
