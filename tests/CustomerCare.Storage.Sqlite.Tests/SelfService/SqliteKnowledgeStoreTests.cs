using CustomerCare.Core;
using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests.SelfService;

public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    protected override IKnowledgeStore CreateStore() => new SqliteKnowledgeStore(_database.Options, TemporaryDatabase.Clock);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Save_Document_IsReadableJson()
    {
        var store = CreateStore();
        var article = new KnowledgeArticle(NextId(), "Straße gesperrt", "Nutzen Sie die Umleitung.", ContactReason.Parse("travel/roads")) { Language = "de" };

        await store.SaveAsync(article, TestContext.Current.CancellationToken);

        Assert.Equal("Straße gesperrt", await ScalarAsync<string>("SELECT json_extract(document, '$.title') FROM cc_ss_articles"));
        Assert.Equal("travel/roads", await ScalarAsync<string>("SELECT json_extract(document, '$.intent') FROM cc_ss_articles"));
        Assert.Contains("\"title\":\"Straße gesperrt\"", await ScalarAsync<string>("SELECT document FROM cc_ss_articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_CorruptDocument_NamesArticle()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(new KnowledgeArticle(NextId(), "Title", "Answer", ContactReason.Parse("faq/a")), TestContext.Current.CancellationToken);
        await ScalarAsync<long>("UPDATE cc_ss_articles SET document = '{\"title\":\"only a title\"}' RETURNING 1");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => store.FindAsync(article.Id, TestContext.Current.CancellationToken));

        Assert.Contains($"The stored article {article.Id} is invalid", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSqlite_RegistersStoresOnOneDatabase()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare().UseClock(TemporaryDatabase.Clock).UseSqlite(_database.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IKnowledgeStore>();
        var candidates = provider.GetRequiredService<IKnowledgeCandidateStore>();
        var article = await store.SaveAsync(new KnowledgeArticle(NextId(), "Title", "Answer", ContactReason.Parse("faq/a")), TestContext.Current.CancellationToken);

        Assert.IsType<SqliteKnowledgeStore>(store);
        Assert.IsType<SqliteKnowledgeCandidateStore>(candidates);
        Assert.Equal(article, await CreateStore().FindAsync(article.Id, TestContext.Current.CancellationToken));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
