namespace CustomerCare.Sla.Clocks;

/// <summary>What happened to an SLA clock.</summary>
public enum SlaEventKind
{
    /// <summary>The clock started, or started a new cycle, such as a next-response clock at each customer message.</summary>
    Started = 1,

    /// <summary>The clock paused, such as while the concern waits for the customer.</summary>
    Paused = 2,

    /// <summary>The clock resumed after a pause, or after a stop when the concern reopened.</summary>
    Resumed = 3,

    /// <summary>The clock stopped because the promise was kept: the response was sent or the concern resolved.</summary>
    Stopped = 4,

    /// <summary>The promise no longer applies, such as for a concern withdrawn as spam.</summary>
    Cancelled = 5,

    /// <summary>The target changed, such as after a priority change; the clock is recomputed from its start.</summary>
    TargetChanged = 6,
}
