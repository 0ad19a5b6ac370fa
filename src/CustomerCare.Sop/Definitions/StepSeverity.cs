namespace CustomerCare.Sop;

/// <summary>How an open checklist step affects a transition into the state it is required before.</summary>
public enum StepSeverity
{
    /// <summary>An open step rejects the transition unless the request overrides advisory steps; the override and its actor are recorded.</summary>
    Advisory = 0,

    /// <summary>An open step rejects the transition; it cannot be overridden.</summary>
    Mandatory = 1,
}
