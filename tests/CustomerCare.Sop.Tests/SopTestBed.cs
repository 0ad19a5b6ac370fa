using CustomerCare.Core;
using CustomerCare.Testing;
using CustomerCare.Testing.Sop;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Sop.Tests;

/// <summary>A runner on the default lifecycle, an in-memory store, a fake clock and the weekday calendar.</summary>
internal sealed class SopTestBed
{
    /// <summary>Monday 5 January 2026, 09:00 UTC.</summary>
    public static readonly Instant Monday = Instant.FromUtc(2026, 1, 5, 9, 0);

    public static readonly Actor Agent = new("agt_00000000000070008000000000000001");

    public static readonly Actor Approver = new("agt_00000000000070008000000000000002");

    public static readonly Actor Customer = new("cus_00000000000070008000000000000001");

    private readonly TestIdFactory _ids = new();

    public SopTestBed(ProcedureCatalog? catalog = null, ProcedureRunnerOptions? options = null, IConcernSnapshotStore? store = null)
    {
        Catalog = catalog ?? DefaultLifecycle.Register(new ProcedureCatalog());
        Store = store ?? new InMemoryConcernSnapshotStore();
        Runner = new ProcedureRunner(Catalog, Store, Clock, new WeekdayCalendar(), options: options);
    }

    public FakeClock Clock { get; } = new(Monday);

    public ProcedureCatalog Catalog { get; }

    public IConcernSnapshotStore Store { get; }

    public ProcedureRunner Runner { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The fields and steps that let every transition of the default lifecycle pass its checks.</summary>
    public static IReadOnlyDictionary<string, string> AllFields { get; } = new Dictionary<string, string>
    {
        [LifecycleFields.Priority] = "P2",
        [LifecycleFields.Assignee] = "agt_00000000000070008000000000000001",
        [LifecycleFields.PendingReason] = "Asked for the log file",
        [LifecycleFields.ResolutionCode] = "fixed",
        [LifecycleFields.ResolutionNote] = "Restarted the service",
        [LifecycleFields.CancelReason] = "Duplicate",
        [LifecycleFields.KnowledgeGained] = "Restart fixes the stuck queue",
    };

    /// <summary>How to reach each resting state of the default lifecycle from new.</summary>
    public static IReadOnlyDictionary<string, string[]> PathTo { get; } = new Dictionary<string, string[]>
    {
        [LifecycleStates.New] = [],
        [LifecycleStates.Triaged] = [LifecycleTriggers.Triage],
        [LifecycleStates.Assigned] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign],
        [LifecycleStates.InProgress] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.StartWork],
        [LifecycleStates.PendingCustomer] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.StartWork, LifecycleTriggers.AwaitCustomer],
        [LifecycleStates.PendingThirdParty] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.StartWork, LifecycleTriggers.AwaitThirdParty],
        [LifecycleStates.PendingApproval] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.StartWork, LifecycleTriggers.RequestApproval],
        [LifecycleStates.Resolved] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.StartWork, LifecycleTriggers.Resolve],
        [LifecycleStates.Closed] = [LifecycleTriggers.Triage, LifecycleTriggers.Assign, LifecycleTriggers.StartWork, LifecycleTriggers.Resolve, LifecycleTriggers.Confirm],
        [LifecycleStates.Cancelled] = [LifecycleTriggers.Cancel],
    };

    public ConcernId NewConcernId() => _ids.NextConcernId();

    public async Task<ConcernId> StartAsync(string concernType = "incident")
    {
        var id = NewConcernId();
        var result = await Runner.StartAsync(new StartRequest(id, concernType, Agent), Ct);
        Assert.True(result.IsApplied, result.ToString());
        return id;
    }

    public Task<ProcedureResult> FireAsync(ConcernId id, string trigger, IReadOnlyDictionary<string, string>? fields = null, Actor? actor = null, bool overrideAdvisory = false, string? key = null) =>
        Runner.FireAsync(id, new TriggerRequest(trigger, actor ?? Agent)
        {
            Fields = fields ?? new Dictionary<string, string>(),
            OverrideAdvisorySteps = overrideAdvisory,
            IdempotencyKey = key,
        }, Ct);

    public async Task CompleteAllStepsAsync(ConcernId id)
    {
        foreach (var step in DefaultLifecycle.Definition.Checklist)
        {
            await Runner.CompleteStepAsync(id, step.Id, Agent, Ct);
        }
    }

    /// <summary>Starts a concern and drives it to <paramref name="state"/> with every field and step in place.</summary>
    public async Task<ConcernId> StartInAsync(string state)
    {
        var id = await StartAsync();
        await CompleteAllStepsAsync(id);
        foreach (var trigger in PathTo[state])
        {
            var result = await FireAsync(id, trigger, AllFields);
            Assert.True(result.IsApplied, $"{trigger}: {result}");
        }

        Assert.Equal(state, (await Store.FindAsync(id, Ct))!.State);
        return id;
    }

    public async Task<ConcernSnapshot> SnapshotAsync(ConcernId id) => (await Store.FindAsync(id, Ct))!;

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(ConcernId id) => await Store.ListAuditAsync(id, 0, 1000, Ct);
}
