namespace CustomerCare.Sop;

/// <summary>The state names of <see cref="DefaultLifecycle"/>.</summary>
public static class LifecycleStates
{
    /// <summary>Logged and not yet looked at.</summary>
    public const string New = "new";

    /// <summary>Categorized and prioritized, waiting for an assignee.</summary>
    public const string Triaged = "triaged";

    /// <summary>The composite of the working states; a concern rests in one of its substates.</summary>
    public const string Active = "active";

    /// <summary>An agent at some competence level owns the concern.</summary>
    public const string Assigned = "assigned";

    /// <summary>The assignee works on the concern.</summary>
    public const string InProgress = "in-progress";

    /// <summary>The composite of the waiting states.</summary>
    public const string Pending = "pending";

    /// <summary>Waiting for the customer; the resolution SLA clock is paused.</summary>
    public const string PendingCustomer = "pending-customer";

    /// <summary>Waiting for a third party, such as a vendor.</summary>
    public const string PendingThirdParty = "pending-third-party";

    /// <summary>The approval gate: only approve or decline leave it.</summary>
    public const string PendingApproval = "pending-approval";

    /// <summary>Resolved; the customer may confirm or reopen until the auto-close timer closes it.</summary>
    public const string Resolved = "resolved";

    /// <summary>Closed; final.</summary>
    public const string Closed = "closed";

    /// <summary>Cancelled with a reason; final.</summary>
    public const string Cancelled = "cancelled";
}
