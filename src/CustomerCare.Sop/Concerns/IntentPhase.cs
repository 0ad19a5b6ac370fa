namespace CustomerCare.Sop;

/// <summary>Which part of a transition recorded an outbox intent.</summary>
public enum IntentPhase
{
    /// <summary>Leaving a state; recorded first, innermost state first.</summary>
    Exit = 0,

    /// <summary>The transition itself; recorded after the exits.</summary>
    Transition = 1,

    /// <summary>Entering a state; recorded last, outermost state first.</summary>
    Entry = 2,
}
