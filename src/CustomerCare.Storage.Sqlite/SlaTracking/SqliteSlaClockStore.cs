using CustomerCare.Core;
using CustomerCare.SlaTracking;
using CustomerCare.Storage.SlaTracking;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The SLA clock store on SQLite, in the tables <c>cc_sla_clocks</c> and <c>cc_sla_clock_events</c>.</summary>
/// <remarks>
/// <para>
/// A concern's row contains its version, priority and tier, and its events are rows of their own in history order. Every write
/// runs in a <c>BEGIN IMMEDIATE</c> transaction, so the version check, the row and its events change together across
/// connections and processes. A save that only appends events to the stored history inserts just the new ones.
/// </para>
/// <para>Instants are stored in whole microseconds; the returned records carry the stored values. This type is thread-safe.</para>
/// </remarks>
public sealed class SqliteSlaClockStore : ISlaClockStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself never reads it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteSlaClockStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteSlaClockStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async Task<SlaClockRecord?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement reads one snapshot, so the events belong to the version read with them.
            var find = connection.CreateCommand();
            find.CommandText =
                "SELECT c.version, c.priority, c.tier, e.target, e.kind, e.at, e.reason FROM cc_sla_clocks c " +
                "LEFT JOIN cc_sla_clock_events e ON e.concern_id = c.concern_id WHERE c.concern_id = $id ORDER BY e.position";
            find.Parameters.AddWithValue("$id", concernId.ToString());
            var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var version = reader.GetInt64(0);
                var priority = SlaClockRows.ReadPriority(reader.GetInt64(1), concernId);
                var tier = SlaClockRows.ReadTier(reader.GetString(2), concernId);
                var entries = new List<SlaClockEntry>();
                do
                {
                    if (!reader.IsDBNull(3))
                    {
                        entries.Add(new SlaClockEntry(
                            SlaClockRows.ReadTarget(reader.GetString(3), concernId),
                            SlaClockRows.ReadKind(reader.GetInt64(4), concernId),
                            SqliteInstant.FromMicroseconds(reader.GetInt64(5)),
                            reader.IsDBNull(6) ? null : reader.GetString(6)));
                    }
                }
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

                return new SlaClockRecord(concernId, priority, tier, entries, version);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<SlaClockRecord> SaveAsync(SlaClockRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();

        var stored = SlaClockRows.Stored(record, expectedVersion + 1);
        var id = record.ConcernId.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = expectedVersion == 0
                ? scope.Command(
                    "INSERT INTO cc_sla_clocks (concern_id, version, priority, tier) VALUES ($id, 1, $priority, $tier) " +
                    "ON CONFLICT (concern_id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_sla_clocks SET version = version + 1, priority = $priority, tier = $tier " +
                    "WHERE concern_id = $id AND version = $expected");
            write.Parameters.AddWithValue("$id", id);
            write.Parameters.AddWithValue("$priority", stored.Priority.Level);
            write.Parameters.AddWithValue("$tier", SlaClockRows.TierText(stored.Tier));
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("$expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // The write lock is held, so the version read here is the one that failed the check.
                var read = scope.Command("SELECT version FROM cc_sla_clocks WHERE concern_id = $id");
                read.Parameters.AddWithValue("$id", id);
                var actual = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
                throw new ConcurrencyConflictException(SlaClockRows.EntityType, id, expectedVersion, actual);
            }

            await WriteEntriesAsync(scope, id, stored, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    private static async Task WriteEntriesAsync(SqliteDatabase.WriteScope scope, string id, SlaClockRecord stored, CancellationToken cancellationToken)
    {
        // Most saves append one event to the stored history. When the stored events are a prefix of the new ones, only
        // the rest is inserted; otherwise the history is replaced.
        var keep = await CountMatchingPrefixAsync(scope, id, stored, cancellationToken).ConfigureAwait(false);
        var delete = scope.Command("DELETE FROM cc_sla_clock_events WHERE concern_id = $id AND position >= $keep");
        delete.Parameters.AddWithValue("$id", id);
        delete.Parameters.AddWithValue("$keep", keep);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var insert = scope.Command(
            "INSERT INTO cc_sla_clock_events (concern_id, position, target, kind, at, reason) " +
            "VALUES ($id, $position, $target, $kind, $at, $reason)");
        insert.Parameters.AddWithValue("$id", id);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var target = insert.Parameters.Add("$target", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var reason = insert.Parameters.Add("$reason", SqliteType.Text);
        for (var i = keep; i < stored.Entries.Count; i++)
        {
            var entry = stored.Entries[i];
            position.Value = i;
            target.Value = entry.Target.Name;
            kind.Value = (int)entry.Kind;
            at.Value = SqliteInstant.ToMicroseconds(entry.At);
            reason.Value = (object?)entry.Reason ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> CountMatchingPrefixAsync(SqliteDatabase.WriteScope scope, string id, SlaClockRecord stored, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT target, kind, at, reason FROM cc_sla_clock_events WHERE concern_id = $id ORDER BY position");
        read.Parameters.AddWithValue("$id", id);
        var matching = 0;
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (matching >= stored.Entries.Count)
                {
                    return matching;
                }

                var entry = stored.Entries[matching];
                var same = string.Equals(reader.GetString(0), entry.Target.Name, StringComparison.Ordinal)
                    && reader.GetInt64(1) == (long)entry.Kind
                    && reader.GetInt64(2) == SqliteInstant.ToMicroseconds(entry.At)
                    && string.Equals(reader.IsDBNull(3) ? null : reader.GetString(3), entry.Reason, StringComparison.Ordinal);
                if (!same)
                {
                    return matching;
                }

                matching++;
            }
        }

        return matching;
    }
}
