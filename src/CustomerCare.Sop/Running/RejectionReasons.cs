namespace CustomerCare.Sop;

/// <summary>Why an operation was rejected or ignored; several reasons can apply at once.</summary>
[Flags]
public enum RejectionReasons
{
    /// <summary>No reason: the operation was applied.</summary>
    None = 0,

    /// <summary>The current state (and its parents) has no transition for the trigger, or the procedure does not know the trigger.</summary>
    UnknownTrigger = 1,

    /// <summary>The state has transitions for the trigger, but none of their guards holds; see <see cref="ProcedureResult.UnmetGuards"/>.</summary>
    UnmetGuards = 2,

    /// <summary>Fields required by the transition or the states it enters have no value; see <see cref="ProcedureResult.MissingFields"/>.</summary>
    MissingFields = 4,

    /// <summary>Mandatory checklist steps are open; see <see cref="ProcedureResult.OpenMandatorySteps"/>.</summary>
    OpenMandatorySteps = 8,

    /// <summary>Advisory checklist steps are open and the request did not override them; see <see cref="ProcedureResult.OpenAdvisorySteps"/>.</summary>
    OpenAdvisorySteps = 16,

    /// <summary>The concern has already started its procedure.</summary>
    AlreadyStarted = 32,

    /// <summary>The timer is not due yet.</summary>
    TimerNotDue = 64,

    /// <summary>The timer was armed for a state or state entry that the concern has left.</summary>
    StaleTimer = 128,

    /// <summary>The checklist step is already completed or overridden.</summary>
    StepAlreadyClosed = 256,
}
