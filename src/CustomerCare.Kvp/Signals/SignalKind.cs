namespace CustomerCare.Kvp.Signals;

/// <summary>What an improvement signal points at.</summary>
public enum SignalKind
{
    /// <summary>A contact reason whose volume rose significantly against its baseline.</summary>
    ContactReasonVolumeRise = 1,

    /// <summary>Self-service queries that were handed off because nothing matched, grouped by their terms.</summary>
    KnowledgeGap = 2,

    /// <summary>An SLA target whose attainment fell significantly against its baseline.</summary>
    SlaAttainmentDrop = 3,
}
