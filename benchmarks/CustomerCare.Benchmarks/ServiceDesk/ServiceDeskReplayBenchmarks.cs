using BenchmarkDotNet.Attributes;
using CustomerCare.Samples.ServiceDesk.Simulation;

namespace CustomerCare.Benchmarks.ServiceDesk;

/// <summary>
/// Replays 100,000 generated contacts end to end through the service desk: identification, threading, self-service,
/// routing, the procedure, SLA clocks, agent actions and due work every five simulated minutes over one week. The goals
/// are at most 10 s in memory and at most 60 s on SQLite. One launch, one warm-up and three iterations, because one
/// iteration takes seconds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ServiceDeskReplayBenchmarks
{
    private const int Contacts = 100_000;

    private GeneratedReplay _inMemory = null!;
    private GeneratedReplay _sqlite = null!;
    private string _sqliteFile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"customercare-replay-{Environment.ProcessId}.db");
        _inMemory = new GeneratedReplay(Contacts, "memory");
        _sqlite = new GeneratedReplay(Contacts, "sqlite:" + _sqliteFile);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var path in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Benchmark(Baseline = true, Description = "100,000 contacts, in memory")]
    public Task<long> InMemory() => _inMemory.RunAsync();

    [Benchmark(Description = "100,000 contacts, SQLite")]
    public Task<long> Sqlite() => _sqlite.RunAsync();
}
