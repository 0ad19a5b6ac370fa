using NodaTime;
using static CustomerCare.Sop.Tests.SopTestBed;

namespace CustomerCare.Sop.Tests;

public class DefaultLifecycleTests
{
    private static readonly string[] UserTriggers =
    [
        LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.Reassign, LifecycleTriggers.StartWork,
        LifecycleTriggers.AwaitCustomer, LifecycleTriggers.AwaitThirdParty, LifecycleTriggers.RequestApproval, LifecycleTriggers.Resume,
        LifecycleTriggers.Approve, LifecycleTriggers.Decline, LifecycleTriggers.Escalate, LifecycleTriggers.Resolve,
        LifecycleTriggers.Confirm, LifecycleTriggers.Reopen, LifecycleTriggers.Cancel, LifecycleTriggers.Note,
    ];

    /// <summary>Every allowed transition of the default lifecycle: state, trigger, resulting state.</summary>
    private static readonly (string State, string Trigger, string Target)[] Allowed =
    [
        (LifecycleStates.New, LifecycleTriggers.Triage, LifecycleStates.Triaged),
        (LifecycleStates.New, LifecycleTriggers.Cancel, LifecycleStates.Cancelled),
        (LifecycleStates.New, LifecycleTriggers.Note, LifecycleStates.New),
        (LifecycleStates.Triaged, LifecycleTriggers.Assign, LifecycleStates.Assigned),
        (LifecycleStates.Triaged, LifecycleTriggers.Cancel, LifecycleStates.Cancelled),
        (LifecycleStates.Triaged, LifecycleTriggers.Note, LifecycleStates.Triaged),
        (LifecycleStates.Assigned, LifecycleTriggers.Reassign, LifecycleStates.Assigned),
        (LifecycleStates.Assigned, LifecycleTriggers.StartWork, LifecycleStates.InProgress),
        (LifecycleStates.Assigned, LifecycleTriggers.Escalate, LifecycleStates.Assigned),
        (LifecycleStates.Assigned, LifecycleTriggers.Cancel, LifecycleStates.Cancelled),
        (LifecycleStates.Assigned, LifecycleTriggers.Note, LifecycleStates.Assigned),
        (LifecycleStates.InProgress, LifecycleTriggers.AwaitCustomer, LifecycleStates.PendingCustomer),
        (LifecycleStates.InProgress, LifecycleTriggers.AwaitThirdParty, LifecycleStates.PendingThirdParty),
        (LifecycleStates.InProgress, LifecycleTriggers.RequestApproval, LifecycleStates.PendingApproval),
        (LifecycleStates.InProgress, LifecycleTriggers.Resolve, LifecycleStates.Resolved),
        (LifecycleStates.InProgress, LifecycleTriggers.Escalate, LifecycleStates.Assigned),
        (LifecycleStates.InProgress, LifecycleTriggers.Cancel, LifecycleStates.Cancelled),
        (LifecycleStates.InProgress, LifecycleTriggers.Note, LifecycleStates.InProgress),
        (LifecycleStates.PendingCustomer, LifecycleTriggers.Resume, LifecycleStates.InProgress),
        (LifecycleStates.PendingCustomer, LifecycleTriggers.Escalate, LifecycleStates.Assigned),
        (LifecycleStates.PendingCustomer, LifecycleTriggers.Cancel, LifecycleStates.Cancelled),
        (LifecycleStates.PendingCustomer, LifecycleTriggers.Note, LifecycleStates.PendingCustomer),
        (LifecycleStates.PendingThirdParty, LifecycleTriggers.Resume, LifecycleStates.InProgress),
        (LifecycleStates.PendingThirdParty, LifecycleTriggers.Escalate, LifecycleStates.Assigned),
        (LifecycleStates.PendingThirdParty, LifecycleTriggers.Cancel, LifecycleStates.Cancelled),
        (LifecycleStates.PendingThirdParty, LifecycleTriggers.Note, LifecycleStates.PendingThirdParty),
        (LifecycleStates.PendingApproval, LifecycleTriggers.Approve, LifecycleStates.InProgress),
        (LifecycleStates.PendingApproval, LifecycleTriggers.Decline, LifecycleStates.InProgress),
        (LifecycleStates.PendingApproval, LifecycleTriggers.Note, LifecycleStates.PendingApproval),
        (LifecycleStates.Resolved, LifecycleTriggers.Confirm, LifecycleStates.Closed),
        (LifecycleStates.Resolved, LifecycleTriggers.Reopen, LifecycleStates.InProgress),
        (LifecycleStates.Resolved, LifecycleTriggers.Note, LifecycleStates.Resolved),
    ];

    public static TheoryData<string, string, string> AllowedTransitions
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (state, trigger, target) in Allowed)
            {
                data.Add(state, trigger, target);
            }

            return data;
        }
    }

    public static TheoryData<string, string> RejectedTransitions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var state in PathTo.Keys)
            {
                foreach (var trigger in UserTriggers.Where(t => !Allowed.Any(a => a.State == state && a.Trigger == t)))
                {
                    data.Add(state, trigger);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public async Task Fire_AllowedTransition_ReachesTarget(string state, string trigger, string target)
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(state);
        var fields = new Dictionary<string, string>(AllFields) { [LifecycleFields.CompetenceLevel] = "2" };

        var result = await bed.FireAsync(id, trigger, fields);

        Assert.True(result.IsApplied, result.ToString());
        Assert.Equal(target, result.Snapshot.State);
        Assert.Equal(state, result.Audit!.FromState);
        Assert.Equal(trigger, result.Audit.Trigger);
    }

    [Theory]
    [MemberData(nameof(RejectedTransitions))]
    public async Task Fire_NotAllowedTransition_RejectedAsUnknown(string state, string trigger)
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(state);
        var before = await bed.SnapshotAsync(id);

        var result = await bed.FireAsync(id, trigger, AllFields);

        Assert.Equal(ProcedureOutcome.Rejected, result.Outcome);
        Assert.Equal(RejectionReasons.UnknownTrigger, result.Reasons);
        Assert.Equal(before.Version, (await bed.SnapshotAsync(id)).Version);
    }

    [Fact]
    public void Allowed_CoversEveryTransitionOfTheDefinition()
    {
        var definition = DefaultLifecycle.Definition;
        var leaves = definition.States.Where(s => !definition.States.Any(c => c.Parent == s.Name)).ToArray();
        var defined = new HashSet<(string, string)>();
        foreach (var leaf in leaves)
        {
            for (var state = leaf; state is not null; state = state.Parent is null ? null : definition.FindState(state.Parent))
            {
                foreach (var transition in state.Transitions.Where(t => UserTriggers.Contains(t.Trigger)))
                {
                    defined.Add((leaf.Name, transition.Trigger));
                }
            }
        }

        Assert.Equal(defined.Order(), Allowed.Select(a => (a.State, a.Trigger)).Order());
        Assert.Equal(leaves.Select(l => l.Name).Order(), PathTo.Keys.Order());
    }

    [Theory]
    [InlineData(LifecycleStates.New, LifecycleTriggers.Triage, LifecycleFields.Priority)]
    [InlineData(LifecycleStates.Triaged, LifecycleTriggers.Assign, LifecycleFields.Assignee)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.AwaitCustomer, LifecycleFields.PendingReason)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.AwaitThirdParty, LifecycleFields.PendingReason)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.RequestApproval, LifecycleFields.PendingReason)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.Resolve, LifecycleFields.ResolutionCode)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.Resolve, LifecycleFields.ResolutionNote)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.Cancel, LifecycleFields.CancelReason)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.Escalate, LifecycleFields.KnowledgeGained)]
    [InlineData(LifecycleStates.InProgress, LifecycleTriggers.Escalate, LifecycleFields.CompetenceLevel)]
    public async Task Fire_RequiredFieldMissing_RejectedNamingIt(string state, string trigger, string field)
    {
        var bed = new SopTestBed();
        var id = await StartWithoutFieldAsync(bed, state, field);
        var fields = new Dictionary<string, string>(AllFields) { [LifecycleFields.CompetenceLevel] = "2" };
        fields.Remove(field);

        var result = await bed.FireAsync(id, trigger, fields);

        Assert.Equal(RejectionReasons.MissingFields, result.Reasons);
        Assert.Equal([field], result.MissingFields);
    }

    [Fact]
    public async Task Fire_FieldOnConcernAlready_IsEnough()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.InProgress);

        var pend = await bed.FireAsync(id, LifecycleTriggers.AwaitCustomer);

        Assert.True(pend.IsApplied, "the pending reason stored by an earlier request still counts");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("100")]
    public async Task Escalate_NotDeeper_RejectedByGuard(string level)
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.InProgress);
        var fields = new Dictionary<string, string>(AllFields) { [LifecycleFields.CompetenceLevel] = level };

        var result = await bed.FireAsync(id, LifecycleTriggers.Escalate, fields);

        Assert.Equal(RejectionReasons.UnmetGuards, result.Reasons);
        Assert.Equal([DefaultLifecycle.DeeperLevelGuard], result.UnmetGuards);
    }

    [Fact]
    public async Task Escalate_Twice_NeedsDeeperEachTime()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.InProgress);
        var toTwo = new Dictionary<string, string>(AllFields) { [LifecycleFields.CompetenceLevel] = "2" };
        var toThree = new Dictionary<string, string>(AllFields) { [LifecycleFields.CompetenceLevel] = "3" };

        var first = await bed.FireAsync(id, LifecycleTriggers.Escalate, toTwo);
        var again = await bed.FireAsync(id, LifecycleTriggers.Escalate, toTwo);
        var deeper = await bed.FireAsync(id, LifecycleTriggers.Escalate, toThree);

        Assert.True(first.IsApplied);
        Assert.Equal(RejectionReasons.UnmetGuards, again.Reasons);
        Assert.True(deeper.IsApplied);
        Assert.Equal("3", deeper.Snapshot.Fields[LifecycleFields.CompetenceLevel]);
        Assert.Equal("Restart fixes the stuck queue", deeper.Audit!.Arguments[LifecycleFields.KnowledgeGained]);
        Assert.Contains(deeper.Intents, i => i.Kind == IntentKinds.Escalate && i.Phase == IntentPhase.Transition);
    }

    [Fact]
    public async Task Escalate_FromAssigned_RunsExitAndEntryOnce()
    {
        // Regression guard for a parent's transition that targets the current substate: the substate is left and
        // entered once, and the parent (active) is neither left nor entered.
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.Assigned);
        var fields = new Dictionary<string, string>(AllFields) { [LifecycleFields.CompetenceLevel] = "2" };
        var before = await bed.SnapshotAsync(id);

        var result = await bed.FireAsync(id, LifecycleTriggers.Escalate, fields);

        Assert.True(result.IsApplied);
        Assert.Equal(LifecycleStates.Assigned, result.Snapshot.State);
        Assert.Equal(before.StateEntry + 1, result.Snapshot.StateEntry);
        Assert.Equal(
            [(IntentPhase.Transition, IntentKinds.Escalate, LifecycleStates.Assigned), (IntentPhase.Entry, IntentKinds.Notify, LifecycleStates.Assigned)],
            result.Intents.Select(i => (i.Phase, i.Kind, i.State)));
    }

    [Fact]
    public async Task Reopen_AfterWindow_RejectedByGuard()
    {
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog(), new DefaultLifecycleOptions { ReopenWindow = Duration.FromHours(1) });
        var bed = new SopTestBed(catalog);
        var id = await bed.StartInAsync(LifecycleStates.Resolved);

        bed.Clock.Advance(Duration.FromMinutes(59));
        var actions = await bed.Runner.GetAvailableActionsAsync(id, Ct);
        bed.Clock.Advance(Duration.FromMinutes(1));
        var late = await bed.FireAsync(id, LifecycleTriggers.Reopen);

        Assert.Contains(actions, a => a.Trigger == LifecycleTriggers.Reopen);
        Assert.Equal(RejectionReasons.UnmetGuards, late.Reasons);
        Assert.Equal([DefaultLifecycle.WithinReopenWindowGuard], late.UnmetGuards);
    }

    [Fact]
    public async Task PendingCustomer_PausesAndResumesResolutionClock()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.InProgress);

        var pend = await bed.FireAsync(id, LifecycleTriggers.AwaitCustomer, AllFields);
        var resume = await bed.FireAsync(id, LifecycleTriggers.Resume);

        Assert.Equal([(IntentKinds.PauseSlaClock, "resolution", IntentPhase.Entry)], pend.Intents.Select(i => (i.Kind, i.Parameter, i.Phase)));
        Assert.Equal([(IntentKinds.ResumeSlaClock, "resolution", IntentPhase.Exit)], resume.Intents.Select(i => (i.Kind, i.Parameter, i.Phase)));
    }

    [Fact]
    public async Task Start_RecordsInitialEntryIntentsAndTimer()
    {
        var bed = new SopTestBed();

        var id = bed.NewConcernId();
        var result = await bed.Runner.StartAsync(new StartRequest(id, "Service-Request", Agent), Ct);

        Assert.True(result.IsApplied);
        Assert.Equal(1, result.Snapshot.Version);
        Assert.Equal(1, result.Snapshot.StateEntry);
        Assert.Equal("service-request", result.Snapshot.ConcernType);
        Assert.Equal(AuditKind.Started, result.Audit!.Kind);
        Assert.Equal([(IntentKinds.StartSlaClock, "response"), (IntentKinds.Notify, "service-desk")], result.Intents.Select(i => (i.Kind, i.Parameter)));
        var timer = Assert.Single(result.Snapshot.Timers);
        Assert.Equal(Monday + Duration.FromHours(4), timer.DueAt);
    }

    private static async Task<CustomerCare.Core.ConcernId> StartWithoutFieldAsync(SopTestBed bed, string state, string field)
    {
        var id = await bed.StartAsync();
        await bed.CompleteAllStepsAsync(id);
        var fields = new Dictionary<string, string>(AllFields);
        fields.Remove(field);
        foreach (var trigger in PathTo[state])
        {
            var step = await bed.FireAsync(id, trigger, fields.Count == AllFields.Count ? AllFields : WithFieldFor(trigger, fields, field));
            Assert.True(step.IsApplied, $"{trigger}: {step}");
        }

        return id;
    }

    private static Dictionary<string, string> WithFieldFor(string trigger, Dictionary<string, string> fields, string field)
    {
        // The path itself may need the field (assign needs an assignee); only the final transition must lack it, so
        // fields needed earlier are supplied on the path and removed from the stored concern by no later step.
        var needed = trigger switch
        {
            LifecycleTriggers.Triage => LifecycleFields.Priority,
            LifecycleTriggers.Assign => LifecycleFields.Assignee,
            _ => null,
        };
        return needed == field ? new Dictionary<string, string>(fields) { [field] = AllFields[field] } : fields;
    }
}
