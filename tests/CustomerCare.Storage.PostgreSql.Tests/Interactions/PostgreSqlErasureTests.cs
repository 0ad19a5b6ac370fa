using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

public sealed class PostgreSqlErasureTests(PostgresServer server) : ErasureConformanceTests, IAsyncLifetime
{
    private readonly InteractionsDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override (ICustomerStore Customers, IInteractionStore Interactions, IConcernStore Concerns) CreateStores()
    {
        var options = _database.Options();
        return (
            new PostgreSqlCustomerStore(options, InteractionsDatabase.MigrationClock),
            new PostgreSqlInteractionStore(options, InteractionsDatabase.MigrationClock),
            new PostgreSqlConcernStore(options, InteractionsDatabase.MigrationClock));
    }

    // Every row of every table in the database's public schema, as PostgreSQL's text form of the whole row.
    protected override async Task<IReadOnlyList<string>> ReadStoredTextAsync()
    {
        var dataSource = _database.DataSource!;
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("cc_int_interactions", tables);
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var select = dataSource.CreateCommand($"SELECT t::text FROM \"{table}\" t");
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }
        }

        return values;
    }
}
