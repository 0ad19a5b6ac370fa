using CustomerCare.Core;
using CustomerCare.SelfService;
using CustomerCare.Testing;
using CustomerCare.Testing.SelfService;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Storage.PostgreSql.Tests.SelfService;

public sealed class PostgreSqlKnowledgeStoreTests(PostgresServer server) : KnowledgeStoreConformanceTests, IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new(server);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override IKnowledgeStore CreateStore() => new PostgreSqlKnowledgeStore(_database.Options(), PostgreSqlTestDatabase.Clock);

    [Fact]
    public async Task Save_Document_IsJsonInTypedRow()
    {
        var store = CreateStore();
        var article = new KnowledgeArticle(NextId(), "Straße gesperrt", "Nutzen Sie die Umleitung.", ContactReason.Parse("travel/roads")) { Language = "de" };

        await store.SaveAsync(article, Cancel);

        Assert.Equal("Straße gesperrt", await _database.ScalarAsync<string>("SELECT document->>'title' FROM cc_ss_articles"));
        Assert.Equal("travel/roads", await _database.ScalarAsync<string>("SELECT document->>'intent' FROM cc_ss_articles"));
        Assert.Equal(article.Id.Value, await _database.ScalarAsync<Guid>("SELECT id FROM cc_ss_articles"));
    }

    [Fact]
    public async Task Save_NulInAnswer_StoredEscapedAndKept()
    {
        var store = CreateStore();
        var article = new KnowledgeArticle(NextId(), "Title", "before \0 after", ContactReason.Parse("faq/nul"));

        await store.SaveAsync(article, Cancel);

        Assert.Contains("before \\u0000 after", await _database.ScalarAsync<string>("SELECT document::text FROM cc_ss_articles"), StringComparison.Ordinal);
        Assert.Equal("before \0 after", (await store.FindAsync(article.Id, Cancel))!.Answer);
    }

    [Fact]
    public async Task Find_CorruptDocument_NamesArticle()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(new KnowledgeArticle(NextId(), "Title", "Answer", ContactReason.Parse("faq/a")), Cancel);
        await _database.ScalarAsync<int>("WITH changed AS (UPDATE cc_ss_articles SET document = '{\"title\":\"only a title\"}' RETURNING 1) SELECT count(*)::int FROM changed");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => store.FindAsync(article.Id, Cancel));

        Assert.Contains($"The stored article {article.Id} is invalid", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ConcurrentInstances_OneWinsEachVersion()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgreSqlKnowledgeStore(_database.Options(ownPool: true), PostgreSqlTestDatabase.Clock)).ToArray();
        var article = await instances[0].SaveAsync(new KnowledgeArticle(NextId(), "Title", "Answer", ContactReason.Parse("faq/a")), Cancel);

        // Every round, each instance writes the version that all of them read, and exactly one write may win.
        for (var round = 0; round < 10; round++)
        {
            var read = (await instances[round % 4].FindAsync(article.Id, Cancel))!;
            var wins = await Task.WhenAll(instances.Select((instance, i) => Task.Run(async () =>
            {
                try
                {
                    await instance.SaveAsync(read with { Title = $"round {round} writer {i}" }, Cancel);
                    return 1;
                }
                catch (ConcurrencyConflictException conflict)
                {
                    Assert.Equal(read.Version + 1, conflict.ActualVersion);
                    return 0;
                }
            })));

            Assert.Equal(1, wins.Sum());
        }

        Assert.Equal(11, (await instances[3].FindAsync(article.Id, Cancel))!.Version);
    }

    [Fact]
    public async Task UsePostgreSql_RegistersKnowledgeStores()
    {
        var options = _database.Options();
        await using var host = CustomerCareTestHost.Create(b => b.UsePostgreSql(options.DataSource!));

        var store = Assert.IsType<PostgreSqlKnowledgeStore>(host.Services.GetRequiredService<IKnowledgeStore>());
        Assert.IsType<PostgreSqlKnowledgeCandidateStore>(host.Services.GetRequiredService<IKnowledgeCandidateStore>());
        var article = await store.SaveAsync(new KnowledgeArticle(NextId(), "Title", "Answer", ContactReason.Parse("faq/a")), Cancel);
        Assert.Equal(article, await CreateStore().FindAsync(article.Id, Cancel));
    }
}
