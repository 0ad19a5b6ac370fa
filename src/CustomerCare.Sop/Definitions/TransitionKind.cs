namespace CustomerCare.Sop;

/// <summary>How a transition treats the state that handles its trigger.</summary>
public enum TransitionKind
{
    /// <summary>Leaves the state for another one: exit actions and intents run, then those of the target.</summary>
    Permit = 0,

    /// <summary>Leaves the state and enters it again, for example a reassignment: exit and entry both run, and timers are armed anew.</summary>
    Reentry = 1,

    /// <summary>Handles the trigger without leaving the state, for example a note: no exit or entry runs and armed timers stay.</summary>
    Internal = 2,
}
