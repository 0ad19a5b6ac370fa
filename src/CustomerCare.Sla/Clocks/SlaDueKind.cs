namespace CustomerCare.Sla.Clocks;

/// <summary>What falls due for an SLA clock.</summary>
public enum SlaDueKind
{
    /// <summary>A warning threshold, such as 75 % of the target used.</summary>
    Warning = 1,

    /// <summary>The deadline: the clock breaches at this instant unless it stops or pauses before.</summary>
    Breach = 2,
}
