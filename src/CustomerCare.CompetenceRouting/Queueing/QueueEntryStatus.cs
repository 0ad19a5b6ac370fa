namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>The status of a queued concern.</summary>
public enum QueueEntryStatus
{
    /// <summary>Waiting for an agent, including after a rejected or expired offer.</summary>
    Waiting = 0,

    /// <summary>Offered to one agent, whose capacity is held until the offer is accepted, rejected or expires.</summary>
    Offered = 1,

    /// <summary>Accepted by the agent, who works on it until it completes or is escalated.</summary>
    Assigned = 2,
}
