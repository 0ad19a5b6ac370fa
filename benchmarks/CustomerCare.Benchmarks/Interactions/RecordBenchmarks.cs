using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerCare.Interactions;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Benchmarks.Interactions;

/// <summary>
/// Records one million interactions into a new in-memory store: 10,000 customers, every second interaction with a
/// Message-ID, so the idempotency index and the timelines grow as in production. Goal: at most 2 s.
/// </summary>
/// <remarks>One operation records all million, so the job runs few iterations instead of the default's dozens.</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class RecordBenchmarks
{
    private const int Count = 1_000_000;

    private Interaction[] _drafts = [];

    [GlobalSetup]
    public void Setup() => _drafts = InteractionData.Create(Count, customers: 10_000);

    [Benchmark(Baseline = true)]
    public int RecordOneMillion() => Record(new InMemoryInteractionStore());

    [Benchmark]
    public int RecordOneMillionPresized() => Record(new InMemoryInteractionStore(Count));

    private int Record(InMemoryInteractionStore store)
    {
        foreach (var draft in _drafts)
        {
            _ = store.RecordAsync(draft).Completed();
        }

        return store.Count;
    }
}
