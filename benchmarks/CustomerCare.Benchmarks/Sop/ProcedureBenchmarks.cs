using BenchmarkDotNet.Attributes;
using CustomerCare.Core;
using CustomerCare.Sop;
using NodaTime;

namespace CustomerCare.Benchmarks.Sop;

/// <summary>
/// One trigger fired on a stored concern of the default lifecycle: load the snapshot, plan, build the Stateless machine
/// from the compiled procedure, fire, and store the new snapshot with its audit entry and intents. The machine
/// construction is also measured alone, against configuring a complete machine per call.
/// </summary>
[MemoryDiagnoser]
public class ProcedureBenchmarks
{
    private static readonly Actor Agent = new("agt_00000000000070008000000000000001");

    private readonly TriggerRequest _note = new(LifecycleTriggers.Note, Agent);
    private readonly TriggerRequest _awaitCustomer = new(LifecycleTriggers.AwaitCustomer, Agent);
    private readonly TriggerRequest _resume = new(LifecycleTriggers.Resume, Agent);
    private ProcedureRunner _runner = null!;
    private ConcernId _concern;
    private CompiledProcedure _procedure = null!;
    private MachineRun _run = null!;
    private int _inProgress;
    private int _resolved;
    private CompiledTransition _resolve = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var store = new LatestSnapshotStore();
        var clock = new FixedClock(Instant.FromUtc(2026, 1, 5, 9, 0));
        _runner = new ProcedureRunner(catalog, store, clock, new WeekdaysCalendar());
        _concern = new ConcernId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb"));

        _runner.StartAsync(new StartRequest(_concern, "incident", Agent)).GetAwaiter().GetResult();
        Fire(LifecycleTriggers.Triage, LifecycleFields.Priority, "P2");
        Fire(LifecycleTriggers.Assign, LifecycleFields.Assignee, "agt_1");
        Fire(LifecycleTriggers.StartWork, LifecycleFields.PendingReason, "Asked for logs");

        _procedure = catalog.FindCompiled(DefaultLifecycle.Id, 1)!;
        _inProgress = _procedure.StateIndex[LifecycleStates.InProgress];
        _resolved = _procedure.StateIndex[LifecycleStates.Resolved];
        _resolve = _procedure.Transitions[_inProgress].Single(t => t.Definition.Trigger == LifecycleTriggers.Resolve);
        var snapshot = store.FindAsync(_concern).GetAwaiter().GetResult()!;
        _run = new MachineRun(_procedure, _inProgress, new GuardContext(snapshot, LifecycleTriggers.Resolve, Agent, clock.GetCurrentInstant()), null);
    }

    /// <summary>An internal transition (a note): no state change, no intents.</summary>
    [Benchmark]
    public Task<ProcedureResult> FireInternalTrigger() => _runner.FireAsync(_concern, _note);

    /// <summary>In progress → pending on the customer and back: exit and entry intents, a business-day timer armed and dropped.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public async Task<ProcedureResult> FireTransition()
    {
        await _runner.FireAsync(_concern, _awaitCustomer).ConfigureAwait(false);
        return await _runner.FireAsync(_concern, _resume).ConfigureAwait(false);
    }

    /// <summary>The Stateless machine one operation builds: in-progress and its parent with the planned transition, resolved with its entry actions.</summary>
    [Benchmark]
    public object BuildMachineForOperation() => MachineFactory.Create(_procedure, _run, _inProgress, _resolved, _resolve);

    /// <summary>The machine that lists available actions: in-progress and its parent with all their transitions.</summary>
    [Benchmark]
    public object BuildMachineForAvailableActions() => MachineFactory.Create(_procedure, _run, _inProgress, -1);

    /// <summary>The naive way: configure every state and transition of the procedure per call.</summary>
    [Benchmark(Baseline = true)]
    public object ConfigureCompleteMachine() => MachineFactory.CreateFull(_procedure, _run);

    /// <summary>Stateless alone: build a two-state machine with one guarded transition and an entry action, and fire it.</summary>
    [Benchmark]
    public async Task<int> StatelessTwoStateMachine()
    {
        var state = 0;
        var entered = 0;
        var machine = new Stateless.StateMachine<int, int>(() => state, s => state = s, Stateless.FiringMode.Queued);
        machine.Configure(0).PermitIf(1, 1, () => true, "guard");
        machine.Configure(1).OnEntry(() => entered++);
        await machine.FireAsync(1).ConfigureAwait(false);
        return state + entered;
    }

    private void Fire(string trigger, string field, string value) =>
        _runner.FireAsync(_concern, new TriggerRequest(trigger, Agent) { Fields = new Dictionary<string, string> { [field] = value } }).GetAwaiter().GetResult();

    /// <summary>Keeps only the latest snapshot, so a long benchmark run does not grow an audit list or an outbox.</summary>
    private sealed class LatestSnapshotStore : IConcernSnapshotStore
    {
        private Task<ConcernSnapshot?> _latest = Task.FromResult<ConcernSnapshot?>(null);

        public Task<ConcernSnapshot?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default) => _latest;

        public Task SaveAsync(ConcernChange change, CancellationToken cancellationToken = default)
        {
            if ((_latest.Result?.Version ?? 0) != change.ExpectedVersion)
            {
                throw new ConcurrencyConflictException("Concern", change.Snapshot.Id.ToString(), change.ExpectedVersion, _latest.Result?.Version);
            }

            _latest = Task.FromResult<ConcernSnapshot?>(change.Snapshot);
            return Task.CompletedTask;
        }

        public Task<AuditEntry?> FindByIdempotencyKeyAsync(ConcernId concernId, string idempotencyKey, CancellationToken cancellationToken = default) =>
            Task.FromResult<AuditEntry?>(null);

        public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(ConcernId concernId, long afterVersion, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEntry>>([]);

        public Task<IReadOnlyList<OutboxIntent>> ListPendingIntentsAsync(int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<OutboxIntent>>([]);

        public Task MarkIntentsDispatchedAsync(IEnumerable<OutboxIntent> intents, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(Instant now, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DueTimer>>([]);
    }

    /// <summary>A clock that stands still, so every operation sees the same instant.</summary>
    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    /// <summary>Monday to Friday, all day, in UTC: enough to arm business-day timers.</summary>
    private sealed class WeekdaysCalendar : IBusinessCalendar
    {
        public DateTimeZone Zone => DateTimeZone.Utc;

        public bool IsBusinessTime(Instant instant) => instant.InUtc().DayOfWeek < IsoDayOfWeek.Saturday;

        public Duration BusinessTimeBetween(Instant start, Instant finish) => throw new NotSupportedException();

        public Instant AddBusinessTime(Instant start, Duration amount)
        {
            var cursor = start;
            while (true)
            {
                var midnight = cursor.InUtc().Date.PlusDays(1).AtMidnight().InUtc().ToInstant();
                if (IsBusinessTime(cursor))
                {
                    if (cursor + amount <= midnight)
                    {
                        return cursor + amount;
                    }

                    amount -= midnight - cursor;
                }

                cursor = midnight;
            }
        }

        public Instant AddBusinessDays(Instant start, int days)
        {
            var date = start.InUtc().LocalDateTime;
            while (days > 0)
            {
                date = date.PlusDays(1);
                days -= date.DayOfWeek < IsoDayOfWeek.Saturday ? 1 : 0;
            }

            return date.InUtc().ToInstant();
        }
    }
}
