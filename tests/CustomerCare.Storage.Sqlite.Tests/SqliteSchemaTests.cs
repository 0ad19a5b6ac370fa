using Microsoft.Data.Sqlite;

namespace CustomerCare.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    // Script numbers may have gaps, because each area of the storage numbers its own scripts.
    private static readonly int ScriptCount =
        typeof(SqliteSchema).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal));

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migrate_NewDatabase_AppliesScriptsOnce()
    {
        var first = await SqliteSchema.MigrateAsync(_database.ConnectionString, TemporaryDatabase.Clock, TestContext.Current.CancellationToken);
        var second = await SqliteSchema.MigrateAsync(_database.ConnectionString, TemporaryDatabase.Clock, TestContext.Current.CancellationToken);

        Assert.Equal(ScriptCount, first);
        Assert.Equal(0, second);
        Assert.Equal(SqliteSchema.CurrentVersion, await ScalarAsync<long>("SELECT MAX(version) FROM cc_schema_version"));
        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_Concurrent_AppliesOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => SqliteSchema.MigrateAsync(_database.ConnectionString, TemporaryDatabase.Clock, TestContext.Current.CancellationToken))));

        Assert.Equal(1, results.Count(r => r > 0));
        Assert.Equal(ScriptCount, results.Sum());
        Assert.Equal(ScriptCount, await ScalarAsync<long>("SELECT COUNT(*) FROM cc_schema_version"));
    }

    [Fact]
    public async Task Migrate_NewerDatabase_Throws()
    {
        await SqliteSchema.MigrateAsync(_database.ConnectionString, TemporaryDatabase.Clock, TestContext.Current.CancellationToken);
        await ExecuteAsync($"INSERT INTO cc_schema_version VALUES ({SqliteSchema.CurrentVersion + 1}, 'future', 0)");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SqliteSchema.MigrateAsync(_database.ConnectionString, TemporaryDatabase.Clock, TestContext.Current.CancellationToken));

        Assert.Contains($"has schema version {SqliteSchema.CurrentVersion + 1}, which this version", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_WithoutMigrations_ReportsMissingSchema()
    {
        var queue = new SqliteWorkQueue(new SqliteStorageOptions { ConnectionString = _database.ConnectionString, ApplyMigrations = false }, TemporaryDatabase.Clock);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await queue.GetNextDueAsync(TestContext.Current.CancellationToken));

        Assert.Contains("lacks the schema scripts 0001_work_items", exception.Message, StringComparison.Ordinal);
        Assert.Contains("GetSchemaScript", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSchemaScript_AppliedByHand_IsCurrent()
    {
        await ExecuteAsync(SqliteSchema.GetSchemaScript());
        var queue = new SqliteWorkQueue(new SqliteStorageOptions { ConnectionString = _database.ConnectionString, ApplyMigrations = false }, TemporaryDatabase.Clock);

        Assert.Null(await queue.GetNextDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(SqliteSchema.CurrentVersion, await ScalarAsync<long>("SELECT MAX(version) FROM cc_schema_version"));
    }

    [Fact]
    public void Options_BadBusyTimeout_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SqliteWorkQueue(new SqliteStorageOptions { ConnectionString = _database.ConnectionString, BusyTimeout = TimeSpan.FromHours(1) }, TemporaryDatabase.Clock));
        Assert.Throws<ArgumentException>(() => new SqliteWorkQueue(new SqliteStorageOptions(), TemporaryDatabase.Clock));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
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
