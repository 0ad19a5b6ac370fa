using Npgsql;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

/// <summary>An empty database per test on the throwaway server, or a skip when no server runs.</summary>
internal sealed class InteractionsDatabase(PostgresServer server) : IAsyncDisposable
{
    /// <summary>Gets the clock that dates migrations in these tests.</summary>
    public static FakeClock MigrationClock { get; } = new(NodaTime.Instant.FromUtc(2026, 1, 5, 9, 0));

    public NpgsqlDataSource? DataSource { get; private set; }

    public string? ConnectionString { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Without a server the tests skip in their body, where Assert.Skip is reported as a skip.
        if (server.SkipReason is null)
        {
            ConnectionString = await server.CreateDatabaseAsync();
            DataSource = NpgsqlDataSource.Create(ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
    }

    public PostgreSqlStorageOptions Options()
    {
        if (DataSource is null)
        {
            Assert.Skip(server.SkipReason ?? "PostgreSQL is not running.");
        }

        return new PostgreSqlStorageOptions { DataSource = DataSource };
    }
}
