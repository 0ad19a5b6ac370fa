namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>Why a concern left a ladder step.</summary>
public enum StepChangeReason
{
    /// <summary>The step's timeout passed.</summary>
    TimedOut = 0,

    /// <summary>The step skips when no agent who meets it is available, and none was.</summary>
    NoneAvailable = 1,

    /// <summary>The step is for the preferred agent, who is missing, offline, away, no longer meets it or rejected the offer.</summary>
    PreferredAgentUnavailable = 2,

    /// <summary>The share of the SLA time used reached the risk threshold.</summary>
    SlaRisk = 3,

    /// <summary>An agent or the host's procedure escalated the concern.</summary>
    Escalated = 4,

    /// <summary>The concern was classified again.</summary>
    Reclassified = 5,

    /// <summary>An overflow rule moved the concern.</summary>
    Overflow = 6,
}
