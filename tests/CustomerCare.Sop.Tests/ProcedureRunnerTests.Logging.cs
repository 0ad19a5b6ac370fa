using CustomerCare.Testing.Sop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static CustomerCare.Sop.Tests.SopTestBed;

namespace CustomerCare.Sop.Tests;

public partial class ProcedureRunnerTests
{
    [Fact]
    public async Task Logs_EventsCarryIdsOnly()
    {
        var logger = new FakeLogger<ProcedureRunner>();
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var clock = new NodaTime.Testing.FakeClock(Monday);
        var runner = new ProcedureRunner(catalog, new InMemoryConcernSnapshotStore(), clock, new WeekdayCalendar(), logger);
        var id = new CustomerCare.Testing.TestIdFactory().NextConcernId();

        await runner.StartAsync(new StartRequest(id, "incident", Agent), Ct);
        var timer = (await runner.FireAsync(id, new TriggerRequest(LifecycleTriggers.Triage, Agent) { Fields = new Dictionary<string, string> { [LifecycleFields.Priority] = "secret-value" } }, Ct)).Snapshot;
        await runner.FireAsync(id, new TriggerRequest(LifecycleTriggers.Resolve, Agent), Ct);
        await runner.FireTimerAsync(id, new ArmedTimer("triage-reminder", LifecycleTriggers.RemindTriage, LifecycleStates.New, 1, Monday), Ct);

        var records = logger.Collector.GetSnapshot();
        Assert.Equal([3000, 3001, 3002, 3003], records.Select(r => r.Id.Id));
        Assert.Equal(["ConcernStarted", "TransitionApplied", "TransitionRejected", "StaleTimerIgnored"], records.Select(r => r.Id.Name));
        Assert.All(records, r => Assert.Contains(id.ToString(), r.Message, StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain("secret-value", r.Message, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, records[3].Level);
        Assert.Equal(LifecycleStates.Triaged, timer.State);
    }
}
