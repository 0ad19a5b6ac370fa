using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.Testing;
using CustomerCare.Testing.Kvp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests.Kvp;

public sealed class SqliteIdeaStoreTests : IdeaStoreConformanceTests, IDisposable
{
    private static readonly Instant Submitted = Instant.FromUtc(2026, 3, 2, 9, 0);

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SubmitAsync_TwoInstancesSameKey_StoresOnce()
    {
        // Two stores with their own connection pools, as two host processes on one database file would have.
        var first = new SqliteIdeaStore(_database.Options, TemporaryDatabase.Clock);
        var second = new SqliteIdeaStore(_database.Options, TemporaryDatabase.Clock);
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
    public async Task FindAsync_RowChangedOutside_ThrowsInvalidData()
    {
        var store = CreateStore();
        var idea = Idea(1);
        await store.SaveAsync(idea, 0, TestContext.Current.CancellationToken);
        await ScalarAsync("UPDATE cc_kvp_ideas SET state = 4");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => store.FindAsync(idea.Id, TestContext.Current.CancellationToken));

        Assert.Contains(idea.Id.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Contains("state column is Approved", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_DocumentNotJson_ThrowsInvalidData()
    {
        var store = CreateStore();
        var idea = Idea(1);
        await store.SaveAsync(idea, 0, TestContext.Current.CancellationToken);
        await ScalarAsync("UPDATE cc_kvp_ideas SET document = '{\"title\": 5}'");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => store.FindAsync(idea.Id, TestContext.Current.CancellationToken));

        Assert.Contains(idea.Id.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task SaveAsync_StoresKeyColumns()
    {
        var store = CreateStore();
        var idea = Idea(1).WithTarget(CustomerCare.Core.ContactReason.Parse("billing/refund"), CustomerCare.Kvp.Effects.ImprovementMetric.Csat);

        await store.SubmitAsync(idea, "form:42", TestContext.Current.CancellationToken);

        Assert.Equal(idea.Id.ToString(), await ScalarAsync("SELECT id FROM cc_kvp_ideas"));
        Assert.Equal((long)IdeaState.Submitted, await ScalarAsync("SELECT state FROM cc_kvp_ideas"));
        Assert.Equal("form:42", await ScalarAsync("SELECT idempotency_key FROM cc_kvp_ideas"));
        Assert.Equal(Submitted.ToUnixTimeTicks() / 10, await ScalarAsync("SELECT submitted_at FROM cc_kvp_ideas"));
        Assert.Equal("billing/refund", await ScalarAsync("SELECT target_reason FROM cc_kvp_ideas"));
        Assert.Equal("Explain refunds", await ScalarAsync("SELECT json_extract(document, '$.title') FROM cc_kvp_ideas"));
    }

    [Fact]
    public void UseSqlite_RegistersKvpStores()
    {
        var services = new ServiceCollection();
        var hostProblems = new InMemoryProblemStore();
        services.AddSingleton<IProblemStore>(hostProblems);

        services.AddCustomerCare().UseSqlite(_database.ConnectionString);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.IsType<SqliteIdeaStore>(provider.GetRequiredService<IIdeaStore>());
        Assert.Same(hostProblems, provider.GetRequiredService<IProblemStore>());
    }

    protected override IIdeaStore CreateStore() => new SqliteIdeaStore(_database.Options, TemporaryDatabase.Clock);

    private static ImprovementIdea Idea(int sequence) =>
        ImprovementIdea.Submit(new IdeaId(TestIdFactory.ValueFor(sequence)), "Explain refunds", "Customers ask where the refund appears.", "agt_test", Submitted);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
