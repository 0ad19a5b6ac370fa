using CustomerCare.Interactions.Customers;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

public sealed class PostgreSqlCustomerStoreTests(PostgresServer server) : CustomerStoreConformanceTests, IAsyncLifetime
{
    private readonly InteractionsDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override ICustomerStore CreateStore() => new PostgreSqlCustomerStore(_database.Options(), InteractionsDatabase.MigrationClock);
}
