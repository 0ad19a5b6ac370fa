using CustomerCare.Core;
using CustomerCare.Kvp.Problems;
using CustomerCare.Testing;
using CustomerCare.Testing.Kvp;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.Kvp;

public sealed class PostgreSqlProblemStoreTests(PostgresServer server) : ProblemStoreConformanceTests, IAsyncLifetime
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 1, 5, 9, 0));

    private NpgsqlDataSource? _dataSource;

    public async ValueTask InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task SaveAsync_ConcurrentWriters_IndexWinnerConcerns()
    {
        var store = CreateStore();
        var ids = new TestIdFactory();
        var saved = await store.SaveAsync(
            ProblemRecord.Open(new ProblemId(TestIdFactory.ValueFor(1)), "Reset mails missing", ProblemOrigin.Signal, Instant.FromUtc(2026, 3, 2, 9, 0)),
            0,
            TestContext.Current.CancellationToken);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return await store.SaveAsync(saved.WithConcern(ids.NextConcernId()).WithConcern(ids.NextConcernId()), 1, TestContext.Current.CancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        })).ToList();
        start.SetResult();
        var winner = Assert.Single((await Task.WhenAll(attempts)).OfType<ProblemRecord>());

        await using var command = _dataSource!.CreateCommand("SELECT concern_id FROM cc_kvp_problem_concerns ORDER BY concern_id");
        var indexed = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                indexed.Add(reader.GetGuid(0));
            }
        }

        Assert.Equal(winner.Concerns.Select(c => c.Value).Order(), indexed);
    }

    protected override IProblemStore CreateStore() => new PostgreSqlProblemStore(new PostgreSqlStorageOptions { DataSource = _dataSource }, Clock);
}
