namespace CustomerCare.Sop;

/// <summary>The intent kinds that the default lifecycle records. Hosts may define more.</summary>
public static class IntentKinds
{
    /// <summary>Sends a notification; the parameter names the audience, such as <c>customer</c> or <c>assignee</c>.</summary>
    public const string Notify = "notify";

    /// <summary>Starts an SLA clock; the parameter names the target, such as <c>response</c> or <c>resolution</c>.</summary>
    public const string StartSlaClock = "start-sla-clock";

    /// <summary>Pauses an SLA clock, for example while the concern waits for the customer.</summary>
    public const string PauseSlaClock = "pause-sla-clock";

    /// <summary>Resumes a paused SLA clock.</summary>
    public const string ResumeSlaClock = "resume-sla-clock";

    /// <summary>Stops an SLA clock because its target is met or no longer applies.</summary>
    public const string StopSlaClock = "stop-sla-clock";

    /// <summary>Hands the concern to a deeper competence level; the level is in the audit entry's arguments.</summary>
    public const string Escalate = "escalate";
}
