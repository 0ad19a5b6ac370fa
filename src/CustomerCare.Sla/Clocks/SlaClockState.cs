namespace CustomerCare.Sla.Clocks;

/// <summary>The state of an SLA clock at one instant.</summary>
public enum SlaClockState
{
    /// <summary>The clock runs and the target is not yet used up.</summary>
    Running = 1,

    /// <summary>The clock is paused and the target is not used up.</summary>
    Paused = 2,

    /// <summary>The clock stopped before the target was used up: the promise was kept.</summary>
    Met = 3,

    /// <summary>The target was used up before the clock stopped. A breach is final, also when the clock later stops or is cancelled.</summary>
    Breached = 4,

    /// <summary>The clock was cancelled before any breach.</summary>
    Cancelled = 5,
}
