using System.Collections.Concurrent;
using CustomerCare.Core;
using CustomerCare.Sop;
using CustomerCare.Testing.Sop;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.Sop;

/// <summary>Procedure runners on separate connections that fire on the same concerns at the same moment.</summary>
public sealed partial class PostgreSqlConcernSnapshotStoreTests
{
    private static readonly Actor Agent = new("agt_00000000000070008000000000000001");

    private static readonly Dictionary<string, string> AllFields = new()
    {
        [LifecycleFields.Priority] = "P2",
        [LifecycleFields.Assignee] = "agt_00000000000070008000000000000001",
        [LifecycleFields.PendingReason] = "Asked for the log file",
        [LifecycleFields.ResolutionCode] = "fixed",
        [LifecycleFields.ResolutionNote] = "Restarted the service",
    };

    // Every working transition of the default lifecycle, notes and checklist steps. Cancel and confirm are left out,
    // so no concern reaches a final state and every round finds something to write.
    private static readonly RunnerOperation[] Operations =
    [
        RunnerOperation.Fire(LifecycleTriggers.Triage),
        RunnerOperation.Fire(LifecycleTriggers.Assign),
        RunnerOperation.Fire(LifecycleTriggers.StartWork),
        RunnerOperation.Fire(LifecycleTriggers.AwaitCustomer),
        RunnerOperation.Fire(LifecycleTriggers.AwaitThirdParty),
        RunnerOperation.Fire(LifecycleTriggers.Resume),
        RunnerOperation.Fire(LifecycleTriggers.RequestApproval),
        RunnerOperation.Fire(LifecycleTriggers.Approve),
        RunnerOperation.Fire(LifecycleTriggers.Decline),
        RunnerOperation.Fire(LifecycleTriggers.Resolve),
        RunnerOperation.Fire(LifecycleTriggers.Reopen),
        RunnerOperation.Fire(LifecycleTriggers.Reassign),
        RunnerOperation.Fire(LifecycleTriggers.Note),
        RunnerOperation.CompleteStep("diagnosis-recorded"),
        RunnerOperation.CompleteStep("knowledge-checked"),
        RunnerOperation.CompleteStep("customer-informed"),
    ];

    [Fact]
    public async Task Runners_ParallelOnSameConcerns_EqualSerialReplay()
    {
        const int Runners = 8;
        const int Concerns = 4;
        const int Rounds = 40;
        var options = Options();
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var calendar = new AlwaysOpenCalendar();
        var clock = new SteppingClock(Start);
        var sources = Enumerable.Range(0, Runners).Select(_ => NpgsqlDataSource.Create(_connectionString!)).ToArray();
        try
        {
            var stores = sources.Select(s => new CountingStore(new PostgreSqlConcernSnapshotStore(new PostgreSqlStorageOptions { DataSource = s }, MigrationClock))).ToArray();
            var runners = stores.Select(s => new ProcedureRunner(catalog, s, clock, calendar, options: new ProcedureRunnerOptions { ConflictRetries = 2 })).ToArray();
            var concerns = Enumerable.Range(0, Concerns).Select(_ => NewId()).ToArray();
            var applied = new ConcurrentBag<AppliedOperation>();
            foreach (var concern in concerns)
            {
                var started = await RunnerOperation.Start.ApplyAsync(runners[0], concern, Cancel);
                applied.Add(new AppliedOperation(RunnerOperation.Start, started.Audit!, started.Snapshot));
            }

            var exhausted = 0;
            for (var round = 0; round < Rounds; round++)
            {
                var concern = concerns[round % Concerns];
                var keyed = RunnerOperation.Fire(LifecycleTriggers.Note, $"note-{round}");
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var tasks = Enumerable.Range(0, Runners).Select(runner => Task.Run(
                    async () =>
                    {
                        // Two runners repeat one keyed request; the others take turns through the operations.
                        var operation = runner < 2 ? keyed : Operations[((round * 5) + (runner * 3)) % Operations.Length];
                        await gate.Task;
                        try
                        {
                            var result = await operation.ApplyAsync(runners[runner], concern, Cancel);
                            if (result.IsApplied)
                            {
                                applied.Add(new AppliedOperation(operation, result.Audit!, result.Snapshot));
                            }
                        }
                        catch (ConcurrencyConflictException)
                        {
                            Interlocked.Increment(ref exhausted);
                        }
                    },
                    Cancel)).ToArray();
                gate.SetResult();
                await Task.WhenAll(tasks);
            }

            Assert.True(stores.Sum(s => s.Conflicts) > 0, "No two runners wrote the same version at once, so the race was not exercised.");
            Assert.InRange(applied.Count(a => a.Audit.IdempotencyKey is not null), 1, Rounds);
            foreach (var concern in concerns)
            {
                var winners = applied.Where(a => a.Audit.ConcernId == concern).OrderBy(a => a.Audit.Version).ToArray();
                var stored = (await stores[0].FindAsync(concern, Cancel))!;
                var audit = await stores[0].ListAuditAsync(concern, 0, 1000, Cancel);

                // Exactly one write won each version, and the audit trail contains every winner's entry.
                Assert.Equal(Enumerable.Range(1, (int)stored.Version).Select(v => (long)v), winners.Select(w => w.Audit.Version));
                Assert.Equal(winners.Length, audit.Count);
                for (var i = 0; i < audit.Count; i++)
                {
                    AssertSameEntry(winners[i].Audit, audit[i]);
                }

                Assert.All(audit.Where(a => a.IdempotencyKey is not null).GroupBy(a => a.IdempotencyKey), key => Assert.Single(key));
                AssertSameSnapshot(winners[^1].Snapshot, stored);

                // One runner on an in-memory store replays the winners in version order, each at the instant it won.
                var replayClock = new FakeClock(Start);
                var replayStore = new InMemoryConcernSnapshotStore();
                var replay = new ProcedureRunner(catalog, replayStore, replayClock, calendar);
                foreach (var winner in winners)
                {
                    replayClock.Reset(winner.Audit.At);
                    var result = await winner.Operation.ApplyAsync(replay, concern, Cancel);
                    Assert.True(result.IsApplied, $"{concern} v{winner.Audit.Version} {winner.Operation}: {result}");
                    AssertSameEntry(winner.Audit, result.Audit!);
                }

                AssertSameSnapshot((await replayStore.FindAsync(concern, Cancel))!, stored);
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{applied.Count} writes won, {stores.Sum(s => s.Conflicts)} saves lost a race, {exhausted} operations ran out of retries.");
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static void AssertSameEntry(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(expected.ConcernId, actual.ConcernId);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.At, actual.At);
        Assert.Equal(expected.Actor, actual.Actor);
        Assert.Equal(expected.ProcedureId, actual.ProcedureId);
        Assert.Equal(expected.ProcedureVersion, actual.ProcedureVersion);
        Assert.Equal(expected.FromState, actual.FromState);
        Assert.Equal(expected.ToState, actual.ToState);
        Assert.Equal(expected.Trigger, actual.Trigger);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.Arguments, actual.Arguments);
        Assert.Equal(expected.OverriddenSteps, actual.OverriddenSteps);
        Assert.Equal(expected.IdempotencyKey, actual.IdempotencyKey);
        Assert.Equal(expected.Detail, actual.Detail);
    }

    private static void AssertSameSnapshot(ConcernSnapshot expected, ConcernSnapshot actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.StateEntry, actual.StateEntry);
        Assert.Equal(expected.ProcedureId, actual.ProcedureId);
        Assert.Equal(expected.ProcedureVersion, actual.ProcedureVersion);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.StateEnteredAt, actual.StateEnteredAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Approvals, actual.Approvals);
        Assert.Equal(expected.Timers, actual.Timers);
    }

    private enum RunnerOperationKind
    {
        Start,
        Fire,
        CompleteStep,
    }

    /// <summary>One request to a runner, which the serial replay repeats unchanged.</summary>
    private sealed record RunnerOperation(RunnerOperationKind Kind, string Name, string? IdempotencyKey)
    {
        public static RunnerOperation Start { get; } = new(RunnerOperationKind.Start, "incident", null);

        public static RunnerOperation Fire(string trigger, string? idempotencyKey = null) => new(RunnerOperationKind.Fire, trigger, idempotencyKey);

        public static RunnerOperation CompleteStep(string step) => new(RunnerOperationKind.CompleteStep, step, null);

        public Task<ProcedureResult> ApplyAsync(ProcedureRunner runner, ConcernId concern, CancellationToken cancellationToken) => Kind switch
        {
            RunnerOperationKind.Start => runner.StartAsync(new StartRequest(concern, Name, Agent), cancellationToken),
            RunnerOperationKind.CompleteStep => runner.CompleteStepAsync(concern, Name, Agent, cancellationToken),
            _ => runner.FireAsync(
                concern,
                new TriggerRequest(Name, Agent) { Fields = AllFields, OverrideAdvisorySteps = true, IdempotencyKey = IdempotencyKey },
                cancellationToken),
        };
    }

    private sealed record AppliedOperation(RunnerOperation Operation, AuditEntry Audit, ConcernSnapshot Snapshot);

    /// <summary>A clock shared by the runners that moves one microsecond per reading, so every write has its own instant.</summary>
    private sealed class SteppingClock(Instant start) : IClock
    {
        private long _readings;

        public Instant GetCurrentInstant() => start + Duration.FromTicks(10 * Interlocked.Increment(ref _readings));
    }

    /// <summary>A calendar in which every instant is business time.</summary>
    private sealed class AlwaysOpenCalendar : IBusinessCalendar
    {
        public DateTimeZone Zone => DateTimeZone.Utc;

        public bool IsBusinessTime(Instant instant) => true;

        public Duration BusinessTimeBetween(Instant start, Instant finish) => finish - start;

        public Instant AddBusinessTime(Instant start, Duration amount) => start + amount;

        public Instant AddBusinessDays(Instant start, int days) => start + Duration.FromDays(days);
    }

    /// <summary>Counts the saves that lose to another writer.</summary>
    private sealed class CountingStore(IConcernSnapshotStore inner) : IConcernSnapshotStore
    {
        private int _conflicts;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public async Task SaveAsync(ConcernChange change, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.SaveAsync(change, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task<ConcernSnapshot?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default) =>
            inner.FindAsync(concernId, cancellationToken);

        public Task<AuditEntry?> FindByIdempotencyKeyAsync(ConcernId concernId, string idempotencyKey, CancellationToken cancellationToken = default) =>
            inner.FindByIdempotencyKeyAsync(concernId, idempotencyKey, cancellationToken);

        public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(ConcernId concernId, long afterVersion, int limit, CancellationToken cancellationToken = default) =>
            inner.ListAuditAsync(concernId, afterVersion, limit, cancellationToken);

        public Task<IReadOnlyList<OutboxIntent>> ListPendingIntentsAsync(int limit, CancellationToken cancellationToken = default) =>
            inner.ListPendingIntentsAsync(limit, cancellationToken);

        public Task MarkIntentsDispatchedAsync(IEnumerable<OutboxIntent> intents, CancellationToken cancellationToken = default) =>
            inner.MarkIntentsDispatchedAsync(intents, cancellationToken);

        public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(Instant now, int limit, CancellationToken cancellationToken = default) =>
            inner.ListDueTimersAsync(now, limit, cancellationToken);
    }
}
