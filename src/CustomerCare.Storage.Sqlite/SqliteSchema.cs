using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// The versioned SQL scripts of the SQLite storage, embedded in this package and applied in order.
/// </summary>
/// <remarks>
/// The table <c>cc_schema_version</c> records each applied script. Migration runs in one <c>BEGIN IMMEDIATE</c>
/// transaction, so two processes that start at once apply each script exactly once, and a failed script leaves the
/// database at the previous version.
/// </remarks>
public static class SqliteSchema
{
    private const string ResourcePrefix = "CustomerCare.Storage.Sqlite.Schema.";

    private static readonly IReadOnlyList<(int Version, string Name, string Sql)> Scripts = LoadScripts();

    /// <summary>Gets the number of the newest script of this package.</summary>
    public static int CurrentVersion => Scripts[^1].Version;

    /// <summary>Returns every script with the statements that record its version, for a person who applies them by hand.</summary>
    /// <returns>
    /// The SQL text, scripts in order, each wrapped in its own transaction. Unlike <see cref="MigrateAsync"/>, the
    /// script records the database server's time as the time each script was applied.
    /// </returns>
    public static string GetSchemaScript()
    {
        var text = new StringBuilder();
        text.AppendLine(VersionTableSql);
        foreach (var (version, name, sql) in Scripts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {name}");
            text.AppendLine("BEGIN IMMEDIATE;");
            text.AppendLine(sql.TrimEnd());
            text.AppendLine(CultureInfo.InvariantCulture, $"INSERT INTO cc_schema_version (version, description, applied_at) VALUES ({version}, '{name}', CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER));");
            text.AppendLine("COMMIT;");
        }

        return text.ToString();
    }

    /// <summary>Applies the scripts that the database lacks, in order of their numbers.</summary>
    /// <param name="connectionString">The connection string of the database.</param>
    /// <param name="clock">The clock whose current instant is recorded as the time each script was applied.</param>
    /// <param name="cancellationToken">Cancels the migration; a script that has started finishes or rolls back.</param>
    /// <returns>The number of scripts applied.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The database has a script that this package does not contain, so a newer package created it.</exception>
    public static async Task<int> MigrateAsync(string connectionString, IClock clock, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(connectionString);
        Guard.NotNull(clock);

        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, VersionTableSql, cancellationToken).ConfigureAwait(false);

            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var present = await ReadVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                ThrowIfUnknown(present);

                var applied = 0;
                foreach (var (version, name, sql) in Scripts.Where(s => !present.Contains(s.Version)))
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                    var record = connection.CreateCommand();
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO cc_schema_version (version, description, applied_at) VALUES ($version, $name, $at)";
                    record.Parameters.AddWithValue("$version", version);
                    record.Parameters.AddWithValue("$name", name);
                    record.Parameters.AddWithValue("$at", SqliteInstant.ToMicroseconds(clock.GetCurrentInstant()));
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    applied++;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }

    /// <summary>Throws when the database lacks a script of this package or has one it does not know.</summary>
    internal static async Task VerifyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, VersionTableSql, cancellationToken).ConfigureAwait(false);
        var present = await ReadVersionsAsync(connection, null, cancellationToken).ConfigureAwait(false);
        ThrowIfUnknown(present);
        var missing = Scripts.Where(s => !present.Contains(s.Version)).Select(s => s.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The SQLite database lacks the schema scripts {string.Join(", ", missing)} of CustomerCare.Storage.Sqlite. " +
                "Apply them from SqliteSchema.GetSchemaScript(), or set ApplyMigrations to true.");
        }
    }

    private const string VersionTableSql =
        "CREATE TABLE IF NOT EXISTS cc_schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);";

    private static void ThrowIfUnknown(HashSet<int> present)
    {
        var unknown = present.Where(v => Scripts.All(s => s.Version != v)).Order().ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException(
                $"The SQLite database has schema version {string.Join(", ", unknown)}, which this version of CustomerCare.Storage.Sqlite does not know. " +
                "Update the package to the version that created the database.");
        }
    }

    private static async Task<HashSet<int>> ReadVersionsAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM cc_schema_version";
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

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (int Version, string Name, string Sql)[] LoadScripts()
    {
        var assembly = typeof(SqliteSchema).Assembly;
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
