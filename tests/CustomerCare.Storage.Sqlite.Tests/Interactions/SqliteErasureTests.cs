using System.Globalization;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Testing.Interactions;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Storage.Sqlite.Tests.Interactions;

public sealed class SqliteErasureTests : ErasureConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override (ICustomerStore Customers, IInteractionStore Interactions, IConcernStore Concerns) CreateStores() => (
        new SqliteCustomerStore(_database.Options, TemporaryDatabase.Clock),
        new SqliteInteractionStore(_database.Options, TemporaryDatabase.Clock),
        new SqliteConcernStore(_database.Options, TemporaryDatabase.Clock));

    // Every column of every row of every table in the file, the SDK's and SQLite's own.
    protected override async Task<IReadOnlyList<string>> ReadStoredTextAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new SqliteCommand("SELECT name FROM sqlite_schema WHERE type = 'table'", connection))
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
            await using var select = new SqliteCommand($"SELECT * FROM \"{table}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(reader.GetValue(i) switch
                    {
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
                    });
                }
            }
        }

        return values;
    }
}
