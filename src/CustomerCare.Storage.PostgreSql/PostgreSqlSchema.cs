using System.Globalization;
using System.Text;
using Npgsql;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The versioned SQL scripts of the PostgreSQL storage, embedded in this package and applied in order.
/// </summary>
/// <remarks>
/// The table <c>cc_schema_version</c> records each applied script. Migration runs in one transaction under a
/// transaction-level advisory lock, so host instances that start at the same moment apply each script exactly once,
/// and a failed script leaves the database at the previous version. Tables are created in the first schema of the
/// connection's search path.
/// </remarks>
public static class PostgreSqlSchema
{
    /// <summary>The advisory lock key that serializes migrations: the ASCII codes of "CCSCHEMA".</summary>
    public const long MigrationLockKey = 0x4343_5343_4845_4D41;

    private const string ResourcePrefix = "CustomerCare.Storage.PostgreSql.Schema.";

    private const string VersionTableSql =
        "CREATE TABLE IF NOT EXISTS cc_schema_version (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL);";

    private static readonly IReadOnlyList<(int Version, string Name, string Sql)> Scripts = LoadScripts();

    /// <summary>Gets the number of the newest script of this package.</summary>
    public static int CurrentVersion => Scripts[^1].Version;

    /// <summary>Returns every script with the statements that take the lock and record versions, for a DBA who applies them.</summary>
    /// <returns>
    /// The SQL text in one transaction. It skips nothing, so apply it to an empty database. Unlike
    /// <see cref="MigrateAsync"/>, it records the server's time as the time each script was applied.
    /// </returns>
    public static string GetSchemaScript()
    {
        var text = new StringBuilder();
        text.AppendLine("BEGIN;");
        text.AppendLine(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({MigrationLockKey});");
        text.AppendLine(VersionTableSql);
        foreach (var (version, name, sql) in Scripts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {name}");
            text.AppendLine(sql.TrimEnd());
            text.AppendLine(CultureInfo.InvariantCulture, $"INSERT INTO cc_schema_version (version, description, applied_at) VALUES ({version}, '{name}', clock_timestamp());");
        }

        text.AppendLine("COMMIT;");
        return text.ToString();
    }

    /// <summary>Applies the scripts that the database lacks, in order of their numbers.</summary>
    /// <param name="dataSource">The data source of the database.</param>
    /// <param name="clock">The clock whose current instant is recorded as the time each script was applied.</param>
    /// <param name="cancellationToken">Cancels the migration; an unfinished migration rolls back completely.</param>
    /// <returns>The number of scripts applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The database has a script that this package does not contain, so a newer package created it.</exception>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, IClock clock, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(dataSource);
        Guard.NotNull(clock);

        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey}); {VersionTableSql}", cancellationToken).ConfigureAwait(false);
                var present = await ReadVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                ThrowIfUnknown(present);

                var applied = 0;
                foreach (var (version, name, sql) in Scripts.Where(s => !present.Contains(s.Version)))
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                    var record = new NpgsqlCommand(
                        "INSERT INTO cc_schema_version (version, description, applied_at) VALUES (@version, @name, @at)",
                        connection,
                        transaction);
                    record.Parameters.AddWithValue("version", version);
                    record.Parameters.AddWithValue("name", name);
                    record.Parameters.AddWithValue("at", PostgreSqlInstant.ToDateTime(clock.GetCurrentInstant()));
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    applied++;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }

    /// <summary>Throws when the database lacks a script of this package or has one it does not know.</summary>
    internal static async Task VerifyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var exists = new NpgsqlCommand("SELECT to_regclass('cc_schema_version') IS NOT NULL", connection);
            var present = (bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
                ? await ReadVersionsAsync(connection, null, cancellationToken).ConfigureAwait(false)
                : [];
            ThrowIfUnknown(present);
            var missing = Scripts.Where(s => !present.Contains(s.Version)).Select(s => s.Name).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database lacks the schema scripts {string.Join(", ", missing)} of CustomerCare.Storage.PostgreSql. " +
                    "Apply them from PostgreSqlSchema.GetSchemaScript(), or set ApplyMigrations to true.");
            }
        }
    }

    private static void ThrowIfUnknown(HashSet<int> present)
    {
        var unknown = present.Where(v => Scripts.All(s => s.Version != v)).Order().ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database has schema version {string.Join(", ", unknown)}, which this version of CustomerCare.Storage.PostgreSql does not know. " +
                "Update the package to the version that created the database.");
        }
    }

    private static async Task<HashSet<int>> ReadVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT version FROM cc_schema_version", connection, transaction);
        var versions = new HashSet<int>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (int Version, string Name, string Sql)[] LoadScripts()
    {
        var assembly = typeof(PostgreSqlSchema).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        // Versions only have to increase: areas of the storage add their scripts with numbers of their own.
        Guard.Invariant(scripts.Count > 0 && scripts.Zip(scripts.Skip(1)).All(pair => pair.First.Item1 < pair.Second.Item1));
        return [.. scripts];
    }
}
