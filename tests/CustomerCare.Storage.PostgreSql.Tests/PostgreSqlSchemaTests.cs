using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests;

public sealed class PostgreSqlSchemaTests(PostgresServer server)
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 1, 5, 9, 0));

    [Fact]
    public async Task Migrate_Concurrent_AppliesEachScriptOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var applied = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => PostgreSqlSchema.MigrateAsync(dataSource, Clock, TestContext.Current.CancellationToken))));

        Assert.Equal(1, applied.Count(a => a > 0));
        Assert.Equal(SqlCount(dataSource, "SELECT COUNT(*) FROM cc_schema_version"), applied.Sum());
        Assert.Equal(Clock.GetCurrentInstant().ToDateTimeUtc(), await ScalarAsync<DateTime>(dataSource, "SELECT MIN(applied_at) FROM cc_schema_version"));
    }

    [Fact]
    public async Task Store_WithoutMigrations_NamesMissingScripts()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var queue = new PostgreSqlWorkQueue(new PostgreSqlStorageOptions { ConnectionString = connectionString, ApplyMigrations = false }, Clock);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await queue.GetNextDueAsync(TestContext.Current.CancellationToken));

        Assert.Contains("lacks the schema scripts 0001_work_items", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSchemaScript_AppliedByDba_IsComplete()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var command = dataSource.CreateCommand(PostgreSqlSchema.GetSchemaScript()))
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var queue = new PostgreSqlWorkQueue(new PostgreSqlStorageOptions { DataSource = dataSource, ApplyMigrations = false }, Clock);

        Assert.Null(await queue.GetNextDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await PostgreSqlSchema.MigrateAsync(dataSource, Clock, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_UnknownVersion_Throws()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgreSqlSchema.MigrateAsync(dataSource, Clock, TestContext.Current.CancellationToken);
        await using (var insert = dataSource.CreateCommand("INSERT INTO cc_schema_version VALUES (9999, 'future', now())"))
        {
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PostgreSqlSchema.MigrateAsync(dataSource, Clock, TestContext.Current.CancellationToken));

        Assert.Contains("has schema version 9999", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithoutDatabase_Throw()
    {
        var exception = Assert.Throws<ArgumentException>(() => new PostgreSqlWorkQueue(new PostgreSqlStorageOptions(), Clock));

        Assert.Contains("set ConnectionString or DataSource", exception.Message, StringComparison.Ordinal);
    }

    private static int SqlCount(NpgsqlDataSource dataSource, string sql)
    {
        using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
