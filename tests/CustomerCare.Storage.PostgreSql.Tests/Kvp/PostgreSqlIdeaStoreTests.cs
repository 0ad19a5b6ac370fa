using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.Testing;
using CustomerCare.Testing.Kvp;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.Kvp;

public sealed class PostgreSqlIdeaStoreTests(PostgresServer server) : IdeaStoreConformanceTests, IAsyncLifetime
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 1, 5, 9, 0));
    private static readonly Instant Submitted = Instant.FromUtc(2026, 3, 2, 9, 0);

    private string _connectionString = string.Empty;
    private NpgsqlDataSource? _dataSource;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task SubmitAsync_TwoInstancesSameKey_StoresOnce()
    {
        // Two stores on data sources of their own, as two host instances would have them.
        await using var otherSource = NpgsqlDataSource.Create(_connectionString);
        var first = CreateStore();
        var second = new PostgreSqlIdeaStore(new PostgreSqlStorageOptions { DataSource = otherSource }, Clock);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var store = i % 2 == 0 ? first : second;
            return await store.SubmitAsync(Idea(i), "signal:volume:billing:2026-03-02", TestContext.Current.CancellationToken);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM cc_kvp_ideas"));
    }

    [Fact]
    public async Task SaveAsync_TwoInstancesSameVersion_ExactlyOneWins()
    {
        await using var otherSource = NpgsqlDataSource.Create(_connectionString);
        var first = CreateStore();
        var second = new PostgreSqlIdeaStore(new PostgreSqlStorageOptions { DataSource = otherSource }, Clock);
        var saved = await first.SaveAsync(Idea(1), 0, TestContext.Current.CancellationToken);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await (i % 2 == 0 ? first : second).SaveAsync(saved.WithEvidence(IdeaEvidence.ForMetric($"attempt {i}")), 1, TestContext.Current.CancellationToken);
                return (long?)null;
            }
            catch (ConcurrencyConflictException conflict)
            {
                return conflict.ActualVersion;
            }
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(2, r));
        Assert.Equal(2L, await ScalarAsync("SELECT version FROM cc_kvp_ideas"));
    }

    [Fact]
    public async Task SaveAsync_StoresKeyColumns()
    {
        var store = CreateStore();
        var idea = Idea(1).WithTarget(ContactReason.Parse("billing/refund"), CustomerCare.Kvp.Effects.ImprovementMetric.Csat);

        await store.SubmitAsync(idea, "form:42", TestContext.Current.CancellationToken);

        Assert.Equal(idea.Id.Value, await ScalarAsync("SELECT id FROM cc_kvp_ideas"));
        Assert.Equal((short)IdeaState.Submitted, await ScalarAsync("SELECT state FROM cc_kvp_ideas"));
        Assert.Equal("form:42", await ScalarAsync("SELECT idempotency_key FROM cc_kvp_ideas"));
        Assert.Equal(Submitted.ToDateTimeUtc(), await ScalarAsync("SELECT submitted_at FROM cc_kvp_ideas"));
        Assert.Equal("billing/refund", await ScalarAsync("SELECT target_reason FROM cc_kvp_ideas"));
        Assert.Equal("Explain refunds", await ScalarAsync("SELECT document ->> 'title' FROM cc_kvp_ideas"));
    }

    [Fact]
    public async Task FindAsync_RowChangedOutside_ThrowsInvalidData()
    {
        var store = CreateStore();
        var idea = Idea(1);
        await store.SaveAsync(idea, 0, TestContext.Current.CancellationToken);
        await ScalarAsync("UPDATE cc_kvp_ideas SET document = '{\"title\": \"t\"}'");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => store.FindAsync(idea.Id, TestContext.Current.CancellationToken));

        Assert.Contains(idea.Id.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsePostgreSql_RegistersKvpStores()
    {
        var services = new ServiceCollection();
        var hostIdeas = new InMemoryIdeaStore();
        services.AddSingleton<IIdeaStore>(hostIdeas);

        services.AddCustomerCare().UsePostgreSql(_dataSource!);

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Same(hostIdeas, provider.GetRequiredService<IIdeaStore>());
        Assert.IsType<PostgreSqlProblemStore>(provider.GetRequiredService<IProblemStore>());
    }

    protected override IIdeaStore CreateStore() => new PostgreSqlIdeaStore(new PostgreSqlStorageOptions { DataSource = _dataSource }, Clock);

    private static ImprovementIdea Idea(int sequence) =>
        ImprovementIdea.Submit(new IdeaId(TestIdFactory.ValueFor(sequence)), "Explain refunds", "Customers ask where the refund appears.", "agt_test", Submitted);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _dataSource!.CreateCommand(sql);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
