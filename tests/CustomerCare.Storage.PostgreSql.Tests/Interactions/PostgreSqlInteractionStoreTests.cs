using CustomerCare.Interactions;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

public sealed class PostgreSqlInteractionStoreTests(PostgresServer server) : InteractionStoreConformanceTests, IAsyncLifetime
{
    private readonly InteractionsDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override IInteractionStore CreateStore() => new PostgreSqlInteractionStore(_database.Options(), InteractionsDatabase.MigrationClock);
}
