using CustomerCare.SelfService;
using CustomerCare.Storage.Tests;

namespace CustomerCare.Storage.PostgreSql.Tests.SelfService;

public sealed class PostgreSqlKnowledgeReviewTests(PostgresServer server) : KnowledgeReviewStorageTests, IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    // Each instance has a connection pool of its own, as a separate host process would.
    protected override (IKnowledgeStore Articles, IKnowledgeCandidateStore Candidates) CreateInstance()
    {
        var options = _database.Options(ownPool: true);
        return (new PostgreSqlKnowledgeStore(options, PostgreSqlTestDatabase.Clock), new PostgreSqlKnowledgeCandidateStore(options, PostgreSqlTestDatabase.Clock));
    }
}
