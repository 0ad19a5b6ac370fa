namespace CustomerCare.Sop;

/// <summary>How a checklist step was closed.</summary>
public enum StepStatus
{
    /// <summary>Someone did the step.</summary>
    Completed = 0,

    /// <summary>Someone moved on without doing an advisory step, and accepted the warning.</summary>
    Overridden = 1,
}
