using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.SelfService;

/// <summary>
/// An empty database of its own for one test on the assembly's server, created in <see cref="InitializeAsync"/>.
/// Without a server, <see cref="Options"/> skips the test in its body, where xunit reports the skip.
/// </summary>
public sealed class PostgreSqlTestDatabase(PostgresServer server) : IAsyncLifetime
{
    public static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 2, 8, 0));

    private readonly List<NpgsqlDataSource> _pools = [];

    public NpgsqlDataSource? DataSource { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (server.SkipReason is null)
        {
            DataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools)
        {
            await pool.DisposeAsync();
        }

        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
    }

    /// <summary>Returns options on the test's database. With <paramref name="ownPool"/>, on a connection pool of their own, as another host instance would have.</summary>
    public PostgreSqlStorageOptions Options(bool ownPool = false)
    {
        if (DataSource is null)
        {
            Assert.Skip(server.SkipReason ?? "PostgreSQL is not running.");
        }

        if (!ownPool)
        {
            return new PostgreSqlStorageOptions { DataSource = DataSource };
        }

        var pool = NpgsqlDataSource.Create(DataSource.ConnectionString);
        lock (_pools)
        {
            _pools.Add(pool);
        }

        return new PostgreSqlStorageOptions { DataSource = pool };
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource!.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
