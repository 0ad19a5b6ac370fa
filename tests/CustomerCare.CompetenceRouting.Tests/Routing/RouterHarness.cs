using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Testing.CompetenceRouting;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

/// <summary>A router on in-memory stores, a fake clock and a fake logger.</summary>
internal sealed class RouterHarness : IDisposable
{
    public RouterHarness(RoutingPolicy policy, RoutingOptions? options = null)
    {
        Router = new CompetenceRouter(policy, Directory, Queue, Clock, options, Logger);
    }

    public InMemoryAgentDirectory Directory { get; } = new();

    public InMemoryRoutingQueueStore Queue { get; } = new();

    public FakeClock Clock { get; } = new(RoutingTestData.Start);

    public FakeLogger Logger { get; } = new();

    public CompetenceRouter Router { get; }

    public async Task AddAgentsAsync(params Agent[] agents)
    {
        foreach (var agent in agents)
        {
            await Directory.SaveAsync(agent, 0);
        }
    }

    public void Advance(Duration duration) => Clock.Advance(duration);

    public async Task<QueueEntry> EntryAsync(long concern) => (await Queue.FindAsync(RoutingTestData.ConcernId(concern)))!;

    public async Task<Agent> AgentAsync(long agent) => (await Directory.FindAsync(RoutingTestData.AgentId(agent)))!;

    public async Task<IReadOnlyList<QueueEntry>> AllEntriesAsync() =>
        (await Queue.ListAsync(new QueueQuery { Limit = QueueQuery.MaxLimit })).Entries;

    public async Task<IReadOnlyList<Agent>> AllAgentsAsync() => (await Directory.ListAsync(null, 1000)).Agents;

    public IEnumerable<string> LoggedEvents() => Logger.Collector.GetSnapshot().Select(r => r.Id.Name!);

    public void Dispose() => Router.Dispose();
}
