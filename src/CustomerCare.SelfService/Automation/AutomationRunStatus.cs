namespace CustomerCare.SelfService;

/// <summary>The status of an automation run.</summary>
public enum AutomationRunStatus
{
    /// <summary>Started or resumed; some steps are still to run.</summary>
    Running = 0,

    /// <summary>Every step completed.</summary>
    Completed = 1,

    /// <summary>A step failed or was refused, and the concern went to a person.</summary>
    HandedOff = 2,
}
