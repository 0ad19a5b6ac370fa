namespace CustomerCare.Sop;

/// <summary>The trigger names of <see cref="DefaultLifecycle"/>.</summary>
public static class LifecycleTriggers
{
    /// <summary>Categorizes and prioritizes a new concern; needs the <see cref="LifecycleFields.Priority"/> field.</summary>
    public const string Triage = "triage";

    /// <summary>Assigns a triaged concern; needs the <see cref="LifecycleFields.Assignee"/> field.</summary>
    public const string Assign = "assign";

    /// <summary>Assigns the concern to someone else at the same level (a reentry of <see cref="LifecycleStates.Assigned"/>).</summary>
    public const string Reassign = "reassign";

    /// <summary>The assignee starts work.</summary>
    public const string StartWork = "start-work";

    /// <summary>Waits for the customer; needs the <see cref="LifecycleFields.PendingReason"/> field.</summary>
    public const string AwaitCustomer = "await-customer";

    /// <summary>Waits for a third party; needs the <see cref="LifecycleFields.PendingReason"/> field.</summary>
    public const string AwaitThirdParty = "await-third-party";

    /// <summary>Asks for approval; needs the <see cref="LifecycleFields.PendingReason"/> field.</summary>
    public const string RequestApproval = "request-approval";

    /// <summary>Ends a wait: the customer or the third party answered.</summary>
    public const string Resume = "resume";

    /// <summary>Approves at the approval gate.</summary>
    public const string Approve = StateDefinition.ApproveTrigger;

    /// <summary>Declines at the approval gate.</summary>
    public const string Decline = StateDefinition.DeclineTrigger;

    /// <summary>Hands the concern to a deeper competence level, back through <see cref="LifecycleStates.Assigned"/>.</summary>
    public const string Escalate = "escalate";

    /// <summary>Resolves; needs a resolution code and note and the mandatory checklist steps.</summary>
    public const string Resolve = "resolve";

    /// <summary>The customer confirms the resolution, which closes the concern.</summary>
    public const string Confirm = "confirm";

    /// <summary>Reopens a resolved concern within the reopen window.</summary>
    public const string Reopen = "reopen";

    /// <summary>Cancels; needs the <see cref="LifecycleFields.CancelReason"/> field.</summary>
    public const string Cancel = "cancel";

    /// <summary>Adds a note without changing the state; armed timers stay.</summary>
    public const string Note = "note";

    /// <summary>Timer trigger: closes a resolved concern.</summary>
    public const string AutoClose = "auto-close";

    /// <summary>Timer trigger: reminds the service desk of an untriaged concern.</summary>
    public const string RemindTriage = "remind-triage";

    /// <summary>Timer trigger: reminds the customer of an open question.</summary>
    public const string RemindCustomer = "remind-customer";

    /// <summary>Timer trigger: reminds the assignee to chase the third party.</summary>
    public const string RemindThirdParty = "remind-third-party";

    /// <summary>Timer trigger: reminds the approver.</summary>
    public const string RemindApprover = "remind-approver";
}
