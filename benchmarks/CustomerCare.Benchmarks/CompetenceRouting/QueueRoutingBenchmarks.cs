using BenchmarkDotNet.Attributes;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Queueing;

namespace CustomerCare.Benchmarks.CompetenceRouting;

/// <summary>
/// Routes 100,000 waiting concerns over 20 topics in queue order among 10,000 agents, booking each chosen agent so
/// that later concerns see the capacity taken. About a quarter find an agent; the rest are explained and keep waiting.
/// The engine is rebuilt before each iteration because routing books its agents.
/// </summary>
[MemoryDiagnoser]
public class QueueRoutingBenchmarks
{
    private List<Agent> _agents = null!;
    private List<QueueEntry> _entries = null!;
    private RoutingEngine _engine = null!;

    [Params(ExplanationDetail.Counts, ExplanationDetail.Candidates)]
    public ExplanationDetail Detail { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _agents = RoutingBenchmarkData.Agents();
        _entries = RoutingBenchmarkData.WaitingEntries(RoutingBenchmarkData.Engine(RoutingBenchmarkData.Policy(), []), 100_000);
    }

    [IterationSetup]
    public void CreateEngine() =>
        _engine = RoutingBenchmarkData.Engine(RoutingBenchmarkData.Policy(), _agents, new RoutingOptions { ExplanationDetail = Detail });

    [Benchmark(Description = "Route 100,000 queued concerns (RouteWaiting)")]
    [InvocationCount(1)]
    public int RouteQueue()
    {
        var offers = 0;
        foreach (var decision in _engine.RouteWaiting(_entries, RoutingBenchmarkData.Now))
        {
            offers += decision.Agent is null ? 0 : 1;
        }

        return offers;
    }
}
