using CustomerCare.Core;
using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql.Tests.SelfService;

public sealed class PostgreSqlKnowledgeCandidateStoreTests(PostgresServer server) : KnowledgeCandidateStoreConformanceTests, IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override IKnowledgeCandidateStore CreateStore() => new PostgreSqlKnowledgeCandidateStore(_database.Options(), PostgreSqlTestDatabase.Clock);

    [Fact]
    public async Task Find_CorruptDocument_NamesCandidate()
    {
        var store = CreateStore();
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var candidate = await store.ProposeAsync(
            new KnowledgeCandidate(KnowledgeCandidateId.New(at), ConcernId.New(at), "Question", "Resolution", ContactReason.Parse("faq/a"), CompetenceLevel.SecondLevel, at),
            TestContext.Current.CancellationToken);
        await _database.ScalarAsync<int>("WITH changed AS (UPDATE cc_ss_candidates SET document = '{\"question\":\"only a question\"}' RETURNING 1) SELECT count(*)::int FROM changed");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => store.FindAsync(candidate.Id, TestContext.Current.CancellationToken));

        Assert.Contains($"The stored candidate {candidate.Id} is invalid", exception.Message, StringComparison.Ordinal);
    }
}
