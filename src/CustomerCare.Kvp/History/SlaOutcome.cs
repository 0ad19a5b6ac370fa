namespace CustomerCare.Kvp.History;

/// <summary>The state of one SLA target of a concern, as reported by the SLA clock.</summary>
public enum SlaOutcome
{
    /// <summary>The clock runs or is paused and the target is neither met nor breached yet.</summary>
    Pending = 1,

    /// <summary>The target was met.</summary>
    Met = 2,

    /// <summary>The target was breached. A breach is final, even if the concern is resolved later.</summary>
    Breached = 3,
}
