namespace CustomerCare.Sop;

/// <summary>The field names that <see cref="DefaultLifecycle"/> requires.</summary>
public static class LifecycleFields
{
    /// <summary>The ITIL priority, such as <c>P2</c>; required to enter <see cref="LifecycleStates.Triaged"/>.</summary>
    public const string Priority = "priority";

    /// <summary>The assignee's identifier; required to enter <see cref="LifecycleStates.Assigned"/>.</summary>
    public const string Assignee = "assignee";

    /// <summary>Why the concern waits; required to enter a pending state or the approval gate.</summary>
    public const string PendingReason = "pending-reason";

    /// <summary>The resolution code; required to enter <see cref="LifecycleStates.Resolved"/>.</summary>
    public const string ResolutionCode = "resolution-code";

    /// <summary>The resolution note; required to enter <see cref="LifecycleStates.Resolved"/>.</summary>
    public const string ResolutionNote = "resolution-note";

    /// <summary>Why the concern is cancelled; required to enter <see cref="LifecycleStates.Cancelled"/>.</summary>
    public const string CancelReason = "cancel-reason";

    /// <summary>The competence level's rank after an escalation, such as <c>2</c>; it must be deeper than the current one (1 when absent).</summary>
    public const string CompetenceLevel = "competence-level";

    /// <summary>What the escalating level learned, kept for the knowledge loop back to the first level.</summary>
    public const string KnowledgeGained = "knowledge-gained";
}
