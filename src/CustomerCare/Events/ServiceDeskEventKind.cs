namespace CustomerCare;

/// <summary>The kinds of <see cref="ServiceDeskEvent"/>.</summary>
public enum ServiceDeskEventKind
{
    /// <summary>A contact started a new concern (also a follow-up or a new topic of an older one).</summary>
    ConcernOpened = 0,

    /// <summary>Self-service answered a concern with a knowledge article, without a person.</summary>
    AnsweredBySelfService = 1,

    /// <summary>A concern was offered to an agent.</summary>
    Routed = 2,

    /// <summary>A concern moved to a deeper competence level: by an agent, a ladder timeout or an SLA breach.</summary>
    Escalated = 3,

    /// <summary>An SLA clock passed one of its warning thresholds.</summary>
    SlaWarning = 4,

    /// <summary>An SLA clock passed its deadline while running.</summary>
    SlaBreached = 5,

    /// <summary>An agent resolved a concern.</summary>
    Resolved = 6,

    /// <summary>A resolved or closed concern was opened again, by the customer or an agent.</summary>
    Reopened = 7,

    /// <summary>A concern was closed, confirmed by an agent or by the auto-close timer.</summary>
    Closed = 8,

    /// <summary>A concern was cancelled.</summary>
    Cancelled = 9,

    /// <summary>A concern resolved at level 2 or deeper was proposed as a knowledge candidate for self-service and the first level.</summary>
    KnowledgeProposed = 10,

    /// <summary>An improvement idea was proposed from a signal in the recorded history; the detail is the idea id.</summary>
    IdeaProposed = 11,
}
