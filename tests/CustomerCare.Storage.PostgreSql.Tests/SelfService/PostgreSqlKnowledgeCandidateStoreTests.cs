using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;

namespace CustomerCare.Storage.PostgreSql.Tests.SelfService;

public sealed class PostgreSqlKnowledgeCandidateStoreTests(PostgresServer server) : KnowledgeCandidateStoreConformanceTests, IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override IKnowledgeCandidateStore CreateStore() => new PostgreSqlKnowledgeCandidateStore(_database.Options(), PostgreSqlTestDatabase.Clock);
}
