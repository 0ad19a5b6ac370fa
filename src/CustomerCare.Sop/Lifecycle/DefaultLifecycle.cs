using System.Globalization;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// The ITIL-aligned default procedure for incidents and service requests: new → triaged → assigned → in progress ↔
/// pending → resolved → closed, with reopen, escalation, cancellation and an approval gate.
/// </summary>
/// <remarks>
/// <para>
/// Waiting on the customer pauses the resolution SLA clock; a resolved concern closes automatically after 3 business
/// days unless the customer confirms or reopens it first; escalation goes back through <c>assigned</c> at a deeper
/// competence level and records the knowledge gained. The generated diagrams are in <c>docs/procedures/</c>.
/// </para>
/// <para>
/// Hosts replace it by registering their own procedure for the concern types, or extend it with
/// <see cref="ProcedureBuilder.From"/>. Its timers count business time, so the runner needs a business calendar.
/// </para>
/// </remarks>
public static class DefaultLifecycle
{
    /// <summary>The procedure's identifier.</summary>
    public const string Id = "itil-lifecycle";

    /// <summary>The guard that allows a reopen within <see cref="DefaultLifecycleOptions.ReopenWindow"/> of the resolution.</summary>
    public const string WithinReopenWindowGuard = "within-reopen-window";

    /// <summary>The guard that allows an escalation only to a deeper competence level.</summary>
    public const string DeeperLevelGuard = "deeper-competence-level";

    /// <summary>Gets version 1 of the definition.</summary>
    public static ProcedureDefinition Definition { get; } = Build();

    /// <summary>Returns the implementations of the guards that <see cref="Definition"/> names.</summary>
    /// <param name="options">The settings; the defaults when null.</param>
    /// <returns>A new set of guards.</returns>
    public static ProcedureGuards CreateGuards(DefaultLifecycleOptions? options = null)
    {
        var window = Guard.Positive((options ?? new DefaultLifecycleOptions()).ReopenWindow, "options.ReopenWindow");
        return new ProcedureGuards()
            .Add(WithinReopenWindowGuard, ProcedureGuards.WithinStateWindow(window))
            .Add(DeeperLevelGuard, IsDeeperLevel);
    }

    /// <summary>Registers <see cref="Definition"/> with its guards.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="options">The guard settings; the defaults when null.</param>
    /// <returns>The catalog, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="Core.CustomerCareValidationException">The catalog already contains this version, or another procedure serves incidents or service requests.</exception>
    public static ProcedureCatalog Register(ProcedureCatalog catalog, DefaultLifecycleOptions? options = null) =>
        Guard.NotNull(catalog).Add(Definition, CreateGuards(options));

    private static bool IsDeeperLevel(GuardContext context)
    {
        // A missing level is reported as a missing field, so the guard only judges a level that is present.
        if (!context.RequestFields.TryGetValue(LifecycleFields.CompetenceLevel, out var requested))
        {
            return true;
        }

        var current = context.Snapshot.Fields.GetValueOrDefault(LifecycleFields.CompetenceLevel) ?? "1";
        return int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var next)
            && int.TryParse(current, NumberStyles.None, CultureInfo.InvariantCulture, out var now)
            && next > now
            && next <= Core.CompetenceLevel.MaxRank;
    }

    // Escalation is defined on each working state rather than once on 'active', because Stateless 5.20 does not
    // leave or enter 'assigned' when a transition of 'active' targets it from 'assigned' itself.
    private static void Escalation(TransitionBuilder transition) => transition
        .RequireFields(LifecycleFields.CompetenceLevel, LifecycleFields.KnowledgeGained)
        .Intent(IntentKinds.Escalate);

    private static ProcedureDefinition Build()
    {
        const string Resolution = "resolution";
        const string Response = "response";

        return new ProcedureBuilder(Id, 1)
            .Describe("ITIL-aligned lifecycle for incidents and service requests.")
            .AppliesTo("incident", "service-request")
            .StartIn(LifecycleStates.New)
            .State(LifecycleStates.New, s => s
                .Describe("Logged and not yet looked at.")
                .OnEntry(IntentKinds.StartSlaClock, Response)
                .OnEntry(IntentKinds.Notify, "service-desk")
                .Timer("triage-reminder", LifecycleTriggers.RemindTriage, TimerDelay.BusinessTime(Duration.FromHours(4)))
                .Permit(LifecycleTriggers.Triage, LifecycleStates.Triaged)
                .Permit(LifecycleTriggers.Cancel, LifecycleStates.Cancelled)
                .InternalTransition(LifecycleTriggers.Note)
                .InternalTransition(LifecycleTriggers.RemindTriage, configure: t => t.Intent(IntentKinds.Notify, "service-desk")))
            .State(LifecycleStates.Triaged, s => s
                .Describe("Categorized and prioritized, waiting for an assignee.")
                .RequireFields(LifecycleFields.Priority)
                .Permit(LifecycleTriggers.Assign, LifecycleStates.Assigned, configure: t => t
                    .Intent(IntentKinds.StopSlaClock, Response)
                    .Intent(IntentKinds.StartSlaClock, Resolution))
                .Permit(LifecycleTriggers.Cancel, LifecycleStates.Cancelled)
                .InternalTransition(LifecycleTriggers.Note))
            .State(LifecycleStates.Active, s => s
                .Describe("Someone works on the concern or waits for an answer.")
                .Permit(LifecycleTriggers.Cancel, LifecycleStates.Cancelled)
                .InternalTransition(LifecycleTriggers.Note))
            .State(LifecycleStates.Assigned, s => s
                .SubstateOf(LifecycleStates.Active)
                .Describe("An agent at some competence level owns the concern.")
                .RequireFields(LifecycleFields.Assignee)
                .OnEntry(IntentKinds.Notify, "assignee")
                .PermitReentry(LifecycleTriggers.Reassign)
                .PermitReentry(LifecycleTriggers.Escalate, DeeperLevelGuard, Escalation)
                .Permit(LifecycleTriggers.StartWork, LifecycleStates.InProgress))
            .State(LifecycleStates.InProgress, s => s
                .SubstateOf(LifecycleStates.Active)
                .Describe("The assignee works on the concern.")
                .Permit(LifecycleTriggers.AwaitCustomer, LifecycleStates.PendingCustomer)
                .Permit(LifecycleTriggers.AwaitThirdParty, LifecycleStates.PendingThirdParty)
                .Permit(LifecycleTriggers.RequestApproval, LifecycleStates.PendingApproval)
                .Permit(LifecycleTriggers.Resolve, LifecycleStates.Resolved)
                .Permit(LifecycleTriggers.Escalate, LifecycleStates.Assigned, DeeperLevelGuard, Escalation))
            .State(LifecycleStates.Pending, s => s
                .SubstateOf(LifecycleStates.Active)
                .Describe("Waiting for an answer.")
                .RequireFields(LifecycleFields.PendingReason)
                .Permit(LifecycleTriggers.Resume, LifecycleStates.InProgress)
                .Permit(LifecycleTriggers.Escalate, LifecycleStates.Assigned, DeeperLevelGuard, Escalation))
            .State(LifecycleStates.PendingCustomer, s => s
                .SubstateOf(LifecycleStates.Pending)
                .Describe("Waiting for the customer; the resolution SLA clock is paused.")
                .OnEntry(IntentKinds.PauseSlaClock, Resolution)
                .OnExit(IntentKinds.ResumeSlaClock, Resolution)
                .Timer("customer-reminder", LifecycleTriggers.RemindCustomer, TimerDelay.BusinessDays(2))
                .InternalTransition(LifecycleTriggers.RemindCustomer, configure: t => t.Intent(IntentKinds.Notify, "customer")))
            .State(LifecycleStates.PendingThirdParty, s => s
                .SubstateOf(LifecycleStates.Pending)
                .Describe("Waiting for a third party, such as a vendor.")
                .Timer("third-party-reminder", LifecycleTriggers.RemindThirdParty, TimerDelay.BusinessDays(3))
                .InternalTransition(LifecycleTriggers.RemindThirdParty, configure: t => t.Intent(IntentKinds.Notify, "assignee")))
            .State(LifecycleStates.PendingApproval, s => s
                .Describe("Waiting for approval; only approve or decline leave this state.")
                .RequireFields(LifecycleFields.PendingReason)
                .OnEntry(IntentKinds.Notify, "approver")
                .ApprovalGate(LifecycleStates.InProgress, LifecycleStates.InProgress)
                .Timer("approval-reminder", LifecycleTriggers.RemindApprover, TimerDelay.BusinessDays(1))
                .InternalTransition(LifecycleTriggers.RemindApprover, configure: t => t.Intent(IntentKinds.Notify, "approver"))
                .InternalTransition(LifecycleTriggers.Note))
            .State(LifecycleStates.Resolved, s => s
                .Describe("Resolved; the customer may confirm or reopen until it closes automatically.")
                .RequireFields(LifecycleFields.ResolutionCode, LifecycleFields.ResolutionNote)
                .OnEntry(IntentKinds.StopSlaClock, Resolution)
                .OnEntry(IntentKinds.Notify, "customer")
                .Timer("auto-close", LifecycleTriggers.AutoClose, TimerDelay.BusinessDays(3))
                .Permit(LifecycleTriggers.Confirm, LifecycleStates.Closed)
                .Permit(LifecycleTriggers.AutoClose, LifecycleStates.Closed)
                .Permit(LifecycleTriggers.Reopen, LifecycleStates.InProgress, WithinReopenWindowGuard, t => t
                    .Intent(IntentKinds.ResumeSlaClock, Resolution)
                    .Intent(IntentKinds.Notify, "assignee"))
                .InternalTransition(LifecycleTriggers.Note))
            .State(LifecycleStates.Closed, s => s
                .Describe("Closed.")
                .Final())
            .State(LifecycleStates.Cancelled, s => s
                .Describe("Cancelled with a reason.")
                .RequireFields(LifecycleFields.CancelReason)
                .OnEntry(IntentKinds.StopSlaClock, Response)
                .OnEntry(IntentKinds.StopSlaClock, Resolution)
                .OnEntry(IntentKinds.Notify, "customer")
                .Final())
            .Step("diagnosis-recorded", StepSeverity.Mandatory, LifecycleStates.Resolved, "Record the diagnosis and the cause.")
            .Step("knowledge-checked", StepSeverity.Advisory, LifecycleStates.Resolved, "Link or propose a knowledge article.")
            .Step("customer-informed", StepSeverity.Advisory, LifecycleStates.Resolved, "Tell the customer what was done.")
            .Build();
    }
}
