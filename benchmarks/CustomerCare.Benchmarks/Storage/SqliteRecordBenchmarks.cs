using BenchmarkDotNet.Attributes;
using CustomerCare.Benchmarks.Interactions;
using CustomerCare.Interactions;
using CustomerCare.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Benchmarks.Storage;

/// <summary>
/// Records 100,000 interactions (every second one with a Message-ID, so the unique key is checked) into a new SQLite
/// database file in batches of 1,000. Goal: at most 5 s. For comparison, 1,000 interactions with one transaction each.
/// </summary>
/// <remarks>
/// Every iteration starts on a new file whose schema is already applied, so the run measures recording only. One
/// invocation takes seconds, so run it with the monitoring strategy and a few iterations (see docs/benchmarks.md).
/// </remarks>
[MemoryDiagnoser]
public class SqliteRecordBenchmarks
{
    private const int Count = 100_000;
    private const int BatchSize = 1_000;
    private const int OneByOneCount = 1_000;

    private static readonly IClock Clock = SystemClock.Instance;

    private readonly Interaction[] _interactions = InteractionData.Create(Count, 1_000);
    private readonly List<Interaction[]> _batches = [];
    private string? _folder;
    private SqliteInteractionStore? _store;

    /// <summary>Splits the interactions into batches once.</summary>
    [GlobalSetup]
    public void SplitBatches()
    {
        for (var start = 0; start < Count; start += BatchSize)
        {
            _batches.Add(_interactions[start..(start + BatchSize)]);
        }
    }

    /// <summary>Creates a new database file and applies the schema before the timed part.</summary>
    [IterationSetup]
    public void CreateDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "customercare-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _store = new SqliteInteractionStore(new SqliteStorageOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "bench.db")}" }, Clock);
        _ = _store.FindAsync(_interactions[0].Id).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Deletes the iteration's database file.</summary>
    [IterationCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder!, recursive: true);
    }

    /// <summary>Records 100,000 interactions in batches of 1,000, one transaction per batch.</summary>
    /// <returns>The number of interactions recorded.</returns>
    [Benchmark]
    public async Task<int> Record100000InBatches()
    {
        var recorded = 0;
        foreach (var batch in _batches)
        {
            recorded += (await _store!.RecordBatchAsync(batch)).Count;
        }

        return recorded;
    }

    /// <summary>Records 1,000 interactions with one transaction, and so one durable commit, each.</summary>
    /// <returns>The number of interactions recorded.</returns>
    [Benchmark]
    public async Task<int> Record1000OneByOne()
    {
        for (var i = 0; i < OneByOneCount; i++)
        {
            await _store!.RecordAsync(_interactions[i]);
        }

        return OneByOneCount;
    }
}
