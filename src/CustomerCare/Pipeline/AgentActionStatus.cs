namespace CustomerCare;

/// <summary>How an agent action ended.</summary>
public enum AgentActionStatus
{
    /// <summary>The action was carried out and stored.</summary>
    Applied = 0,

    /// <summary>The idempotency key was used before; nothing changed, and the result repeats the first one's state.</summary>
    Duplicate = 1,

    /// <summary>The procedure or the routing rejected the action; nothing changed. The result gives the reasons.</summary>
    Rejected = 2,
}
