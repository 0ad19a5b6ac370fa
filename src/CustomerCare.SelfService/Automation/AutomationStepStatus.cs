namespace CustomerCare.SelfService;

/// <summary>The outcome of one automation step.</summary>
public enum AutomationStepStatus
{
    /// <summary>The step did its work.</summary>
    Completed = 0,

    /// <summary>The step could not do its work, for example because a system was unavailable or threw.</summary>
    Failed = 1,

    /// <summary>The step declined, for example because identity verification did not pass or the customer said no.</summary>
    Refused = 2,
}
