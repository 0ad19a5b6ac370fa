using CustomerCare.Interactions.Concerns;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

public sealed class PostgreSqlConcernStoreTests(PostgresServer server) : ConcernStoreConformanceTests, IAsyncLifetime
{
    private readonly InteractionsDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override IConcernStore CreateStore() => new PostgreSqlConcernStore(_database.Options(), InteractionsDatabase.MigrationClock);
}
