namespace CustomerCare.Kvp.Metrics;

/// <summary>Why a record could not be used as it was.</summary>
public enum BadRecordKind
{
    /// <summary>A required field is missing, such as the channel of an interaction or the target of an SLA outcome.</summary>
    MissingField = 1,

    /// <summary>
    /// The record is earlier than the previous event of its concern, such as a "sent" before its "received". It is
    /// applied at the previous event's instant, so durations become zero rather than negative.
    /// </summary>
    OutOfOrder = 2,

    /// <summary>The record names a concern that was never opened or is no longer kept; its concern-level effects are skipped.</summary>
    UnknownConcern = 3,

    /// <summary>The record carries a status, kind or outcome that is not defined; it is not applied.</summary>
    UnknownValue = 4,

    /// <summary>An opening event for a concern that is already open; it is not applied.</summary>
    DuplicateOpen = 5,

    /// <summary>A transition that the lifecycle does not allow, such as a change of a closed concern; it is not applied.</summary>
    InvalidTransition = 6,

    /// <summary>A survey answer outside its scale; the answer is left out, the other answers count.</summary>
    InvalidSurveyAnswer = 7,

    /// <summary>A negative recorded work time; the work time is left out.</summary>
    NegativeWorkTime = 8,

    /// <summary>A second, different final outcome for an SLA target that was already met or breached; it is not applied.</summary>
    ConflictingSlaOutcome = 9,
}
