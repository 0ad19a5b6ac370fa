namespace CustomerCare.CompetenceRouting;

/// <summary>The outcome of a change to one queued concern through <see cref="CompetenceRouter"/>.</summary>
public enum QueueUpdateStatus
{
    /// <summary>The agent accepted the offer; the concern is assigned to them.</summary>
    Accepted = 0,

    /// <summary>The agent rejected the offer; the concern returned to the queue with its age.</summary>
    Rejected = 1,

    /// <summary>The offer had expired before the agent responded; the concern returned to the queue with its age.</summary>
    Expired = 2,

    /// <summary>The concern moved to a deeper step or another ladder.</summary>
    Escalated = 3,

    /// <summary>The escalation found no deeper step; the concern waits, flagged as exhausted, for its procedure to act.</summary>
    LadderExhausted = 4,

    /// <summary>The concern was classified again and its classification changed.</summary>
    Reclassified = 5,

    /// <summary>The concern was classified again with the same result; nothing moved.</summary>
    Unchanged = 6,

    /// <summary>The concern is not in the routing queue.</summary>
    NotFound = 7,

    /// <summary>The concern has no open offer to this agent.</summary>
    NotOfferedToAgent = 8,

    /// <summary>The agent who asked does not hold the concern.</summary>
    NotHeldByAgent = 9,
}
