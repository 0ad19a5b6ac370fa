namespace CustomerCare.CompetenceRouting.Escalation;

/// <summary>What triggered an escalation.</summary>
public enum EscalationReason
{
    /// <summary>A ladder step's timeout passed and the next step is at a deeper level.</summary>
    StepTimeout = 0,

    /// <summary>The share of the SLA time used reached the policy's risk threshold.</summary>
    SlaRisk = 1,

    /// <summary>The agent who holds the concern asked to hand it to a deeper level.</summary>
    AgentRequest = 2,

    /// <summary>The concern was classified again, for example because its complexity turned out higher.</summary>
    Reclassification = 3,

    /// <summary>The customer is a VIP and the concern goes to the desk that serves them.</summary>
    Vip = 4,

    /// <summary>A manager was asked to take over, for example after a complaint.</summary>
    Manager = 5,

    /// <summary>An overflow rule moved the concern because it waited too long or its queue was too long.</summary>
    Overflow = 6,
}
