namespace CustomerCare.Kvp.Ideas;

/// <summary>What moves an improvement idea from one <see cref="IdeaState"/> to the next.</summary>
public enum IdeaTrigger
{
    /// <summary>Submitted → Screening.</summary>
    StartScreening = 1,

    /// <summary>Screening → Evaluation, or Parked → Evaluation.</summary>
    Evaluate = 2,

    /// <summary>Evaluation → Approved. Needs at least one piece of evidence.</summary>
    Approve = 3,

    /// <summary>Screening or Evaluation → Rejected. Needs a reason in the note.</summary>
    Reject = 4,

    /// <summary>Evaluation → Parked.</summary>
    Park = 5,

    /// <summary>Approved → InImplementation.</summary>
    StartImplementation = 6,

    /// <summary>InImplementation → Implemented. Records the implementation instant that the effect check compares around.</summary>
    CompleteImplementation = 7,

    /// <summary>Implemented → Measured. Needs a recorded effect.</summary>
    RecordEffect = 8,

    /// <summary>Measured, Rejected or Parked → Closed.</summary>
    Close = 9,
}
