using CustomerCare.Core;
using CustomerCare.Testing;
using CustomerCare.Testing.Sop;
using NodaTime;
using static CustomerCare.Sop.Tests.SopTestBed;

namespace CustomerCare.Sop.Tests;

public partial class ProcedureRunnerTests
{
    [Fact]
    public async Task Resolve_OpenMandatoryStep_Blocks()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();
        foreach (var trigger in PathTo[LifecycleStates.InProgress])
        {
            await bed.FireAsync(id, trigger, AllFields);
        }

        var result = await bed.FireAsync(id, LifecycleTriggers.Resolve, AllFields, overrideAdvisory: true);

        Assert.Equal(RejectionReasons.OpenMandatorySteps, result.Reasons);
        Assert.Equal(["diagnosis-recorded"], result.OpenMandatorySteps);
        Assert.Equal(["knowledge-checked", "customer-informed"], result.OpenAdvisorySteps);
        Assert.Equal(LifecycleStates.InProgress, (await bed.SnapshotAsync(id)).State);
    }

    [Fact]
    public async Task Resolve_OpenAdvisorySteps_WarnsThenRecordsOverride()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();
        foreach (var trigger in PathTo[LifecycleStates.InProgress])
        {
            await bed.FireAsync(id, trigger, AllFields);
        }

        await bed.Runner.CompleteStepAsync(id, "diagnosis-recorded", Agent, Ct);
        await bed.Runner.CompleteStepAsync(id, "customer-informed", Agent, Ct);
        bed.Clock.Advance(Duration.FromMinutes(5));

        var warned = await bed.FireAsync(id, LifecycleTriggers.Resolve, AllFields);
        var overridden = await bed.FireAsync(id, LifecycleTriggers.Resolve, AllFields, actor: Approver, overrideAdvisory: true);

        Assert.Equal(RejectionReasons.OpenAdvisorySteps, warned.Reasons);
        Assert.Equal(["knowledge-checked"], warned.OpenAdvisorySteps);
        Assert.True(overridden.IsApplied);
        Assert.Equal(["knowledge-checked"], overridden.Audit!.OverriddenSteps);
        Assert.Equal(["knowledge-checked"], overridden.OpenAdvisorySteps);
        var record = Assert.Single(overridden.Snapshot.Steps, s => s.StepId == "knowledge-checked");
        Assert.Equal(StepStatus.Overridden, record.Status);
        Assert.Equal(Approver, record.Actor);
        Assert.Equal(Monday + Duration.FromMinutes(5), record.At);
        Assert.Equal(StepStatus.Completed, Assert.Single(overridden.Snapshot.Steps, s => s.StepId == "diagnosis-recorded").Status);
    }

    [Fact]
    public async Task CompleteStep_Twice_SecondIgnored()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();

        var first = await bed.Runner.CompleteStepAsync(id, "Diagnosis-Recorded", Agent, Ct);
        var second = await bed.Runner.CompleteStepAsync(id, "diagnosis-recorded", Agent, Ct);

        Assert.True(first.IsApplied);
        Assert.Equal(AuditKind.StepCompleted, first.Audit!.Kind);
        Assert.Equal("diagnosis-recorded", first.Audit.Detail);
        Assert.Equal(ProcedureOutcome.Ignored, second.Outcome);
        Assert.Equal(RejectionReasons.StepAlreadyClosed, second.Reasons);
        Assert.Equal(1, first.Snapshot.StateEntry);
        await Assert.ThrowsAsync<ArgumentException>(() => bed.Runner.CompleteStepAsync(id, "no-such-step", Agent, Ct));
    }

    [Theory]
    [InlineData(LifecycleTriggers.Approve, ApprovalDecision.Approved)]
    [InlineData(LifecycleTriggers.Decline, ApprovalDecision.Declined)]
    public async Task ApprovalGate_Decision_RecordsApprover(string trigger, ApprovalDecision decision)
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.PendingApproval);
        bed.Clock.Advance(Duration.FromHours(1));

        var result = await bed.FireAsync(id, trigger, actor: Approver);

        Assert.True(result.IsApplied);
        Assert.Equal(LifecycleStates.InProgress, result.Snapshot.State);
        var approval = Assert.Single(result.Snapshot.Approvals);
        Assert.Equal(new ApprovalRecord(LifecycleStates.PendingApproval, decision, Approver, Monday + Duration.FromHours(1), result.Snapshot.Version), approval);
        Assert.Equal(Approver, result.Audit!.Actor);
    }

    [Fact]
    public async Task ApprovalGate_OtherExits_Rejected()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.PendingApproval);

        var actions = await bed.Runner.GetAvailableActionsAsync(id, Ct);
        var cancel = await bed.FireAsync(id, LifecycleTriggers.Cancel, AllFields);

        Assert.Equal([LifecycleTriggers.Approve, LifecycleTriggers.Decline, LifecycleTriggers.Note], actions.Select(a => a.Trigger));
        Assert.Equal(RejectionReasons.UnknownTrigger, cancel.Reasons);
    }

    [Fact]
    public async Task AutoClose_Due_SkipsWeekend()
    {
        var bed = new SopTestBed();
        bed.Clock.Reset(Instant.FromUtc(2026, 1, 9, 15, 0)); // a Friday
        var id = await bed.StartInAsync(LifecycleStates.Resolved);

        var timer = Assert.Single((await bed.SnapshotAsync(id)).Timers);

        Assert.Equal("auto-close", timer.Name);
        Assert.Equal(Instant.FromUtc(2026, 1, 14, 15, 0), timer.DueAt); // Wednesday
        Assert.Equal(LifecycleStates.Resolved, timer.State);
    }

    [Fact]
    public async Task AutoClose_NoteWhileResolved_StillCloses()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.Resolved);
        var timer = Assert.Single((await bed.SnapshotAsync(id)).Timers);

        var note = await bed.FireAsync(id, LifecycleTriggers.Note, new Dictionary<string, string> { ["note"] = "Customer says thanks" });
        bed.Clock.Reset(timer.DueAt);
        var due = await bed.Store.ListDueTimersAsync(bed.Clock.GetCurrentInstant(), 10, Ct);
        var closed = await bed.Runner.FireTimerAsync(id, timer, Ct);

        Assert.True(note.IsApplied);
        Assert.Equal(timer.StateEntry, note.Snapshot.StateEntry);
        Assert.Equal(timer, Assert.Single(due).Timer);
        Assert.True(closed.IsApplied);
        Assert.Equal(LifecycleStates.Closed, closed.Snapshot.State);
        Assert.Equal(Actor.System, closed.Audit!.Actor);
        Assert.Equal("auto-close", closed.Audit.Detail);
        Assert.Empty(closed.Snapshot.Timers);
    }

    [Fact]
    public async Task AutoClose_ResolvedAgain_OldTimerStale()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.Resolved);
        var stale = Assert.Single((await bed.SnapshotAsync(id)).Timers);

        await bed.FireAsync(id, LifecycleTriggers.Reopen);
        await bed.FireAsync(id, LifecycleTriggers.Resolve, AllFields);
        bed.Clock.Reset(stale.DueAt + Duration.FromDays(30));
        var ignored = await bed.Runner.FireTimerAsync(id, stale, Ct);

        Assert.Equal(ProcedureOutcome.Ignored, ignored.Outcome);
        Assert.Equal(RejectionReasons.StaleTimer, ignored.Reasons);
        Assert.Equal(LifecycleStates.Resolved, (await bed.SnapshotAsync(id)).State);
    }

    [Fact]
    public async Task AutoClose_AfterReopen_NoClose()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.Resolved);
        var timer = Assert.Single((await bed.SnapshotAsync(id)).Timers);

        var reopened = await bed.FireAsync(id, LifecycleTriggers.Reopen);
        bed.Clock.Reset(timer.DueAt);
        var result = await bed.Runner.FireTimerAsync(id, timer, Ct);

        Assert.Empty(reopened.Snapshot.Timers);
        Assert.Equal(RejectionReasons.StaleTimer, result.Reasons);
        Assert.Equal(LifecycleStates.InProgress, (await bed.SnapshotAsync(id)).State);
    }

    [Fact]
    public async Task Reminder_FiredTwice_SentOnce()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.PendingCustomer);
        var timer = Assert.Single((await bed.SnapshotAsync(id)).Timers);
        bed.Clock.Reset(timer.DueAt);

        var first = await bed.Runner.FireTimerAsync(id, timer, Ct);
        var second = await bed.Runner.FireTimerAsync(id, timer, Ct);

        Assert.True(first.IsApplied);
        Assert.Equal(LifecycleStates.PendingCustomer, first.Snapshot.State);
        Assert.Equal([(IntentKinds.Notify, "customer")], first.Intents.Select(i => (i.Kind, i.Parameter)));
        Assert.Empty(first.Snapshot.Timers);
        Assert.Equal(RejectionReasons.StaleTimer, second.Reasons);
    }

    [Fact]
    public async Task FireTimer_FinerThanStored_Applied()
    {
        var bed = new SopTestBed();
        bed.Clock.AdvanceTicks(7); // the store truncates to 09:00:00.000000 what the runner armed at 09:00:00.0000007
        var id = await bed.StartInAsync(LifecycleStates.InProgress);
        var awaiting = await bed.FireAsync(id, LifecycleTriggers.AwaitCustomer, AllFields);
        var timer = Assert.Single(awaiting.Snapshot.Timers);
        var stored = Assert.Single((await bed.SnapshotAsync(id)).Timers);

        bed.Clock.Reset(timer.DueAt);
        var fired = await bed.Runner.FireTimerAsync(id, timer, Ct);

        Assert.Equal(Precision.ToMicroseconds(timer.DueAt), stored.DueAt);
        Assert.NotEqual(timer.DueAt, stored.DueAt);
        Assert.True(fired.IsApplied, fired.ToString());
        Assert.Equal(LifecycleTriggers.RemindCustomer, fired.Audit!.Trigger);
    }

    [Fact]
    public async Task FireTimer_BeforeDue_Rejected()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();
        var timer = Assert.Single((await bed.SnapshotAsync(id)).Timers);

        bed.Clock.Reset(timer.DueAt - Duration.FromTicks(1));
        var early = await bed.Runner.FireTimerAsync(id, timer, Ct);

        Assert.Equal(RejectionReasons.TimerNotDue, early.Reasons);
        Assert.Single((await bed.SnapshotAsync(id)).Timers);
    }

    [Fact]
    public async Task FireAsync_TimerTrigger_Throws()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.Resolved);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => bed.FireAsync(id, LifecycleTriggers.AutoClose));

        Assert.Contains("FireTimerAsync", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_TriggerUnknownToProcedure_Rejected()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();

        var result = await bed.FireAsync(id, "teleport");

        Assert.Equal(RejectionReasons.UnknownTrigger, result.Reasons);
    }

    [Fact]
    public async Task Fire_UnknownConcern_Throws()
    {
        var bed = new SopTestBed();

        await Assert.ThrowsAsync<EntityNotFoundException>(() => bed.FireAsync(bed.NewConcernId(), LifecycleTriggers.Triage));
    }

    [Fact]
    public async Task Fire_InvalidField_Throws()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();

        var badName = await Assert.ThrowsAsync<ArgumentException>(() => bed.FireAsync(id, LifecycleTriggers.Triage, new Dictionary<string, string> { ["Priority Level"] = "P1" }));
        var nullValue = await Assert.ThrowsAsync<ArgumentException>(() => bed.FireAsync(id, LifecycleTriggers.Triage, new Dictionary<string, string> { ["priority"] = null! }));

        Assert.Contains("'Priority Level'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("'priority'", nullValue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Twice_RejectedAsAlreadyStarted()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();

        var again = await bed.Runner.StartAsync(new StartRequest(id, "incident", Agent), Ct);

        Assert.Equal(RejectionReasons.AlreadyStarted, again.Reasons);
        Assert.Equal(1, again.Snapshot.Version);
    }

    [Fact]
    public async Task Start_UnknownConcernType_Throws()
    {
        var bed = new SopTestBed();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Runner.StartAsync(new StartRequest(bed.NewConcernId(), "complaint", Agent), Ct));

        Assert.Contains("'complaint'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_IdempotencyKeyRepeated_ReturnsFirstResult()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();

        var first = await bed.FireAsync(id, LifecycleTriggers.Note, key: "ui-click-1");
        var repeat = await bed.FireAsync(id, LifecycleTriggers.Note, key: "ui-click-1");

        Assert.True(first.IsApplied);
        Assert.Equal(ProcedureOutcome.Duplicate, repeat.Outcome);
        Assert.Equal(first.Audit!.Version, repeat.Audit!.Version);
        Assert.Equal(2, (await bed.SnapshotAsync(id)).Version);
    }

    [Fact]
    public async Task Fire_SameKeyOnTwoRunners_AppliedOnce()
    {
        var store = new InMemoryConcernSnapshotStore();
        var first = new SopTestBed(store: store);
        var second = new SopTestBed(store: store);
        var id = await first.StartInAsync(LifecycleStates.InProgress);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).FireAsync(id, LifecycleTriggers.Note, key: "retried-request"))));

        var applied = Assert.Single(results, r => r.IsApplied);
        Assert.All(results.Where(r => !r.IsApplied), r => Assert.Equal(ProcedureOutcome.Duplicate, r.Outcome));
        Assert.All(results.Where(r => !r.IsApplied), r => Assert.Equal(applied.Audit!.Version, r.Audit!.Version));
        Assert.Single(await first.AuditAsync(id), a => a.IdempotencyKey == "retried-request");
    }

    [Fact]
    public async Task Intents_OrderExitTransitionEntry()
    {
        var definition = new ProcedureBuilder("order", 1)
            .AppliesTo("test")
            .StartIn("a")
            .State("left", s => s.OnExit("exit-left"))
            .State("a", s => s.SubstateOf("left").OnExit("exit-a").OnExit("exit-a-again").Permit("go", "b", configure: t => t.Intent("transition-go")))
            .State("right", s => s.OnEntry("entry-right"))
            .State("b", s => s.SubstateOf("right").OnEntry("entry-b").Final())
            .Build();
        var bed = new SopTestBed(new ProcedureCatalog().Add(definition));
        var id = await bed.StartAsync("test");

        var result = await bed.FireAsync(id, "go");

        Assert.Equal(
            [("exit-a", "a", IntentPhase.Exit), ("exit-a-again", "a", IntentPhase.Exit), ("exit-left", "left", IntentPhase.Exit),
             ("transition-go", "b", IntentPhase.Transition), ("entry-right", "right", IntentPhase.Entry), ("entry-b", "b", IntentPhase.Entry)],
            result.Intents.Select(i => (i.Kind, i.State, i.Phase)));
        Assert.Equal([0, 1, 2, 3, 4, 5], result.Intents.Select(i => i.Index));
        Assert.All(result.Intents, i => Assert.Equal(result.Snapshot.Version, i.Version));
        Assert.Equal(result.Intents, (await bed.Store.ListPendingIntentsAsync(100, Ct)).Where(i => i.Version == 2));
    }

    [Fact]
    public async Task Fire_OverlappingGuards_Throws()
    {
        var definition = new ProcedureBuilder("overlap", 1)
            .AppliesTo("test")
            .StartIn("a")
            .State("a", s => s.Permit("go", "b", "always").Permit("go", "c", "also-always"))
            .State("b", s => s.Final())
            .State("c", s => s.Final())
            .Build();
        var guards = new ProcedureGuards().Add("always", _ => true).Add("also-always", _ => true);
        var bed = new SopTestBed(new ProcedureCatalog().Add(definition, guards));
        var id = await bed.StartAsync("test");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.FireAsync(id, "go"));

        Assert.Contains("'always' and 'also-always'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await bed.SnapshotAsync(id)).Version);
    }

    [Fact]
    public async Task Fire_ExclusiveGuards_PickTheHoldingOne()
    {
        var definition = new ProcedureBuilder("route", 1)
            .AppliesTo("test")
            .StartIn("a")
            .State("a", s => s.Permit("go", "b", "to-b").Permit("go", "c", "to-c"))
            .State("b", s => s.Final())
            .State("c", s => s.Final())
            .Build();
        var guards = new ProcedureGuards()
            .Add("to-b", ProcedureGuards.FieldEquals("route", "b"))
            .Add("to-c", ProcedureGuards.FieldEquals("route", "c"));
        var bed = new SopTestBed(new ProcedureCatalog().Add(definition, guards));
        var id = await bed.StartAsync("test");

        var none = await bed.FireAsync(id, "go");
        var toC = await bed.FireAsync(id, "go", new Dictionary<string, string> { ["route"] = "c" });

        Assert.Equal(RejectionReasons.UnmetGuards, none.Reasons);
        Assert.Equal(["to-b", "to-c"], none.UnmetGuards);
        Assert.Equal("c", toC.Snapshot.State);
    }

    [Fact]
    public async Task Migrate_PinnedUntilExplicit()
    {
        var v2 = ProcedureBuilder.From(DefaultLifecycle.Definition)
            .State(LifecycleStates.Resolved, s => s.Timer("survey", "send-survey", TimerDelay.Elapsed(Duration.FromHours(1))).InternalTransition("send-survey", configure: t => t.Intent(IntentKinds.Notify, "survey")))
            .Build();
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var bed = new SopTestBed(catalog);
        var id = await bed.StartInAsync(LifecycleStates.Resolved);
        catalog.Add(v2, DefaultLifecycle.CreateGuards());

        var note = await bed.FireAsync(id, LifecycleTriggers.Note);
        var newConcern = await bed.StartAsync();
        var migrated = await bed.Runner.MigrateAsync(id, 2, Agent, cancellationToken: Ct);

        Assert.Equal(1, note.Snapshot.ProcedureVersion);
        Assert.Equal(1, note.Audit!.ProcedureVersion);
        Assert.Equal(2, (await bed.SnapshotAsync(newConcern)).ProcedureVersion);
        Assert.True(migrated.IsApplied);
        Assert.Equal(AuditKind.Migrated, migrated.Audit!.Kind);
        Assert.Equal("v1", migrated.Audit.Detail);
        Assert.Equal(2, migrated.Snapshot.ProcedureVersion);
        Assert.Equal(note.Snapshot.StateEntry, migrated.Snapshot.StateEntry);
        Assert.Equal(["auto-close", "survey"], migrated.Snapshot.Timers.Select(t => t.Name));
        Assert.Equal(note.Snapshot.Timers[0], migrated.Snapshot.Timers[0]);
    }

    [Fact]
    public async Task Migrate_InvalidRequests_Throw()
    {
        var renamed = new ProcedureBuilder(DefaultLifecycle.Id, 2)
            .AppliesTo("incident")
            .StartIn("open")
            .State("open", s => s.Permit("finish", "done").Permit("wait", "member"))
            .State("group", s => s.Permit("finish", "done"))
            .State("member", s => s.SubstateOf("group"))
            .State("done", s => s.Final())
            .Build();
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var bed = new SopTestBed(catalog);
        var id = await bed.StartInAsync(LifecycleStates.InProgress);

        var notRegistered = await Assert.ThrowsAsync<ArgumentException>(() => bed.Runner.MigrateAsync(id, 2, Agent, cancellationToken: Ct));
        catalog.Add(renamed);
        var same = await Assert.ThrowsAsync<ArgumentException>(() => bed.Runner.MigrateAsync(id, 1, Agent, cancellationToken: Ct));
        var unmapped = await Assert.ThrowsAsync<CustomerCareValidationException>(() => bed.Runner.MigrateAsync(id, 2, Agent, cancellationToken: Ct));
        var composite = await Assert.ThrowsAsync<CustomerCareValidationException>(() =>
            bed.Runner.MigrateAsync(id, 2, Agent, new Dictionary<string, string> { [LifecycleStates.InProgress] = "group" }, Ct));
        var mapped = await bed.Runner.MigrateAsync(id, 2, Agent, new Dictionary<string, string> { [LifecycleStates.InProgress] = "Open" }, Ct);

        Assert.Contains("v2 is not registered", notRegistered.Message, StringComparison.Ordinal);
        Assert.Contains("newer version", same.Message, StringComparison.Ordinal);
        Assert.Contains("no counterpart", Assert.Single(unmapped.Errors).Problem, StringComparison.Ordinal);
        Assert.Contains("substates", Assert.Single(composite.Errors).Problem, StringComparison.Ordinal);
        Assert.Equal("open", mapped.Snapshot.State);
        Assert.Equal(LifecycleStates.InProgress, mapped.Audit!.FromState);
        Assert.Empty(mapped.Snapshot.Steps);
    }

    [Fact]
    public async Task Fire_ProcedureVersionNotRegistered_Throws()
    {
        var store = new InMemoryConcernSnapshotStore();
        var first = new SopTestBed(store: store);
        var id = await first.StartAsync();
        var otherCatalog = new ProcedureCatalog().Add(ProcedureBuilder.From(DefaultLifecycle.Definition).Build(), DefaultLifecycle.CreateGuards());
        var second = new SopTestBed(otherCatalog, store: store);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => second.FireAsync(id, LifecycleTriggers.Triage, AllFields));

        Assert.Contains("v1, which is not registered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AvailableActions_ListPermittedWithNeeds()
    {
        var bed = new SopTestBed();
        var id = await bed.StartAsync();
        foreach (var trigger in PathTo[LifecycleStates.InProgress])
        {
            await bed.FireAsync(id, trigger, new Dictionary<string, string> { [LifecycleFields.Priority] = "P1", [LifecycleFields.Assignee] = "agt_1" });
        }

        var actions = await bed.Runner.GetAvailableActionsAsync(id, Ct);

        Assert.Equal(
            [LifecycleTriggers.AwaitCustomer, LifecycleTriggers.AwaitThirdParty, LifecycleTriggers.RequestApproval, LifecycleTriggers.Resolve,
             LifecycleTriggers.Escalate, LifecycleTriggers.Cancel, LifecycleTriggers.Note],
            actions.Select(a => a.Trigger));
        var resolve = actions.Single(a => a.Trigger == LifecycleTriggers.Resolve);
        Assert.Equal(LifecycleStates.Resolved, resolve.Target);
        Assert.Equal([LifecycleFields.ResolutionCode, LifecycleFields.ResolutionNote], resolve.MissingFields);
        Assert.Equal(["diagnosis-recorded"], resolve.OpenMandatorySteps);
        Assert.False(resolve.IsReady);
        var note = actions.Single(a => a.Trigger == LifecycleTriggers.Note);
        Assert.Null(note.Target);
        Assert.True(note.IsReady);
    }

    [Fact]
    public async Task AvailableActions_Final_None()
    {
        var bed = new SopTestBed();
        var id = await bed.StartInAsync(LifecycleStates.Closed);

        Assert.Empty(await bed.Runner.GetAvailableActionsAsync(id, Ct));
    }

    [Fact]
    public async Task Fire_ParallelOnOneConcern_NoLostAuditEntries()
    {
        var store = new InMemoryConcernSnapshotStore();
        var hosts = Enumerable.Range(0, 3).Select(_ => new SopTestBed(store: store, options: new ProcedureRunnerOptions { ConflictRetries = 100 })).ToArray();
        var id = await hosts[0].StartAsync();
        const int Notes = 60;

        var results = await Task.WhenAll(Enumerable.Range(0, Notes).Select(i => Task.Run(() =>
            hosts[i % hosts.Length].FireAsync(id, LifecycleTriggers.Note, new Dictionary<string, string> { ["note"] = $"note {i}" }, key: $"note-{i}"))));

        var audit = await hosts[0].AuditAsync(id);
        Assert.All(results, r => Assert.True(r.IsApplied));
        Assert.Equal(Notes + 1, (await hosts[0].SnapshotAsync(id)).Version);
        Assert.Equal(Enumerable.Range(1, Notes + 1).Select(v => (long)v), audit.Select(a => a.Version));
        Assert.Equal(Enumerable.Range(0, Notes).Select(i => $"note-{i}").Order(), audit.Skip(1).Select(a => a.IdempotencyKey!).Order());
        Assert.Equal(results.Select(r => r.Snapshot.Version).Order(), audit.Skip(1).Select(a => a.Version));
    }

    [Fact]
    public async Task Fire_ParallelOnOneRunner_Serialized()
    {
        var bed = new SopTestBed(options: new ProcedureRunnerOptions { ConflictRetries = 0 });
        var id = await bed.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => bed.FireAsync(id, LifecycleTriggers.Note))));

        Assert.All(results, r => Assert.True(r.IsApplied));
        Assert.Equal(Enumerable.Range(2, 50).Select(v => (long)v), results.Select(r => r.Snapshot.Version).Order());
    }

    [Fact]
    public async Task Fire_ParallelWithoutRetries_OneWinsPerVersion()
    {
        var store = new InMemoryConcernSnapshotStore();
        var hosts = Enumerable.Range(0, 4).Select(_ => new SopTestBed(store: store, options: new ProcedureRunnerOptions { ConflictRetries = 0 })).ToArray();
        var id = await hosts[0].StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await hosts[i % hosts.Length].FireAsync(id, LifecycleTriggers.Note)).Snapshot.Version;
            }
            catch (ConcurrencyConflictException)
            {
                return 0L;
            }
        })));

        var winners = outcomes.Where(v => v > 0).ToArray();
        var audit = await hosts[0].AuditAsync(id);
        Assert.Equal(winners.Length, winners.Distinct().Count());
        Assert.Equal(winners.Length + 1, audit.Count);
        Assert.Equal(winners.Order(), audit.Skip(1).Select(a => a.Version));
    }

    [Fact]
    public async Task Fire_ParallelResolveTwice_OneAppliedOneRejected()
    {
        var store = new InMemoryConcernSnapshotStore();
        var first = new SopTestBed(store: store);
        var second = new SopTestBed(store: store);
        var id = await first.StartInAsync(LifecycleStates.InProgress);

        var results = await Task.WhenAll(
            Task.Run(() => first.FireAsync(id, LifecycleTriggers.Resolve, AllFields)),
            Task.Run(() => second.FireAsync(id, LifecycleTriggers.Resolve, AllFields)));

        Assert.Single(results, r => r.IsApplied);
        Assert.Single(results, r => r.Reasons == RejectionReasons.UnknownTrigger);
    }

    [Fact]
    public async Task Constructor_BadArguments_Throw()
    {
        var catalog = new ProcedureCatalog();
        var store = new InMemoryConcernSnapshotStore();
        var clock = new NodaTime.Testing.FakeClock(Monday);

        Assert.Throws<ArgumentNullException>(() => new ProcedureRunner(null!, store, clock));
        Assert.Throws<ArgumentNullException>(() => new ProcedureRunner(catalog, null!, clock));
        Assert.Throws<ArgumentNullException>(() => new ProcedureRunner(catalog, store, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcedureRunner(catalog, store, clock, options: new ProcedureRunnerOptions { ConflictRetries = -1 }));
        var runner = new ProcedureRunner(catalog, store, clock);
        await Assert.ThrowsAsync<ArgumentException>(() => runner.FireAsync(default, new TriggerRequest("x", Agent), Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => runner.FireAsync(new ConcernId(Guid.NewGuid()), null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => runner.FireTimerAsync(new ConcernId(Guid.NewGuid()), default, Ct));
    }

    [Fact]
    public async Task BusinessTimer_WithoutCalendar_ThrowsNamingFix()
    {
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var runner = new ProcedureRunner(catalog, new InMemoryConcernSnapshotStore(), new NodaTime.Testing.FakeClock(Monday));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.StartAsync(new StartRequest(new ConcernId(Guid.NewGuid()), "incident", Agent), Ct));

        Assert.Contains("IBusinessCalendar", exception.Message, StringComparison.Ordinal);
    }
}
