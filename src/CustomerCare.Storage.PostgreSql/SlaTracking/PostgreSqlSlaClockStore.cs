using CustomerCare.Core;
using CustomerCare.SlaTracking;
using CustomerCare.Storage.SlaTracking;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The SLA clock store on PostgreSQL, in the tables <c>cc_sla_clocks</c> and <c>cc_sla_clock_events</c>, shared by
/// every host instance.
/// </summary>
/// <remarks>
/// <para>
/// A concern's row contains its version, priority and tier, and its events are rows of their own in history order. A write
/// locks the concern's row (<c>SELECT … FOR UPDATE</c>), checks the version and replaces the events in one
/// transaction. A save that only appends events to the stored history inserts just the new ones. Two instances that
/// create the same concern's record at once: one insert wins and the other receives a
/// <see cref="ConcurrencyConflictException"/>.
/// </para>
/// <para>Instants are stored in whole microseconds; the returned records carry the stored values. This type is thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlSlaClockStore : ISlaClockStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself never reads it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlSlaClockStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlSlaClockStore(PostgreSqlDatabase database)
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
            var find = new NpgsqlCommand(
                "SELECT c.version, c.priority, c.tier, e.target, e.kind, e.at, e.reason FROM cc_sla_clocks c " +
                "LEFT JOIN cc_sla_clock_events e ON e.concern_id = c.concern_id WHERE c.concern_id = @id ORDER BY e.position",
                connection);
            find.Parameters.AddWithValue("id", concernId.Value);
            var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var version = reader.GetInt64(0);
                var priority = SlaClockRows.ReadPriority(reader.GetInt16(1), concernId);
                var tier = SlaClockRows.ReadTier(reader.GetString(2), concernId);
                var entries = new List<SlaClockEntry>();
                do
                {
                    if (!reader.IsDBNull(3))
                    {
                        entries.Add(new SlaClockEntry(
                            SlaClockRows.ReadTarget(reader.GetString(3), concernId),
                            SlaClockRows.ReadKind(reader.GetInt16(4), concernId),
                            PostgreSqlInstant.FromDateTime(reader.GetDateTime(5)),
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
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            if (expectedVersion == 0)
            {
                var insert = scope.Command(
                    "INSERT INTO cc_sla_clocks (concern_id, version, priority, tier) VALUES (@id, 1, @priority, @tier) " +
                    "ON CONFLICT (concern_id) DO NOTHING");
                AddHead(insert, stored);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    var actual = await ReadVersionAsync(scope, record.ConcernId, cancellationToken).ConfigureAwait(false);
                    throw new ConcurrencyConflictException(SlaClockRows.EntityType, record.ConcernId.ToString(), 0, actual);
                }
            }
            else
            {
                var actual = await ReadVersionAsync(scope, record.ConcernId, cancellationToken).ConfigureAwait(false);
                var update = scope.Command("UPDATE cc_sla_clocks SET version = version + 1, priority = @priority, tier = @tier WHERE concern_id = @id");
                AddHead(update, stored);
                if (actual != expectedVersion || await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new ConcurrencyConflictException(SlaClockRows.EntityType, record.ConcernId.ToString(), expectedVersion, actual);
                }
            }

            await WriteEntriesAsync(scope, stored, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    private static void AddHead(NpgsqlCommand command, SlaClockRecord stored)
    {
        command.Parameters.AddWithValue("id", stored.ConcernId.Value);
        command.Parameters.AddWithValue("priority", (short)stored.Priority.Level);
        command.Parameters.AddWithValue("tier", SlaClockRows.TierText(stored.Tier));
    }

    private static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, ConcernId concernId, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_sla_clocks WHERE concern_id = @id FOR UPDATE");
        read.Parameters.AddWithValue("id", concernId.Value);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private static async Task WriteEntriesAsync(PostgreSqlDatabase.WriteScope scope, SlaClockRecord stored, CancellationToken cancellationToken)
    {
        // Most saves append one event to the stored history. When the stored events are a prefix of the new ones, only
        // the rest is inserted; otherwise the history from the first difference on is replaced.
        var keep = await CountMatchingPrefixAsync(scope, stored, cancellationToken).ConfigureAwait(false);
        var delete = scope.Command("DELETE FROM cc_sla_clock_events WHERE concern_id = @id AND position >= @keep");
        delete.Parameters.AddWithValue("id", stored.ConcernId.Value);
        delete.Parameters.AddWithValue("keep", keep);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (keep == stored.Entries.Count)
        {
            return;
        }

        var rest = stored.Entries.Skip(keep).ToArray();
        var insert = scope.Command(
            "INSERT INTO cc_sla_clock_events (concern_id, position, target, kind, at, reason) " +
            "SELECT @id, p, t, k, a, r FROM unnest(@positions, @targets, @kinds, @ats, @reasons) AS x (p, t, k, a, r)");
        insert.Parameters.AddWithValue("id", stored.ConcernId.Value);
        insert.Parameters.AddWithValue("positions", Enumerable.Range(keep, rest.Length).ToArray());
        insert.Parameters.AddWithValue("targets", rest.Select(e => e.Target.Name).ToArray());
        insert.Parameters.AddWithValue("kinds", rest.Select(e => (short)e.Kind).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = rest.Select(e => PostgreSqlInstant.ToDateTime(e.At)).ToArray(),
        });
        insert.Parameters.Add(new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = rest.Select(e => e.Reason).ToArray(),
        });
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CountMatchingPrefixAsync(PostgreSqlDatabase.WriteScope scope, SlaClockRecord stored, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT target, kind, at, reason FROM cc_sla_clock_events WHERE concern_id = @id ORDER BY position");
        read.Parameters.AddWithValue("id", stored.ConcernId.Value);
        var matching = 0;
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && matching < stored.Entries.Count)
            {
                var entry = stored.Entries[matching];
                var same = string.Equals(reader.GetString(0), entry.Target.Name, StringComparison.Ordinal)
                    && reader.GetInt16(1) == (short)entry.Kind
                    && PostgreSqlInstant.FromDateTime(reader.GetDateTime(2)) == entry.At
                    && string.Equals(reader.IsDBNull(3) ? null : reader.GetString(3), entry.Reason, StringComparison.Ordinal);
                if (!same)
                {
                    break;
                }

                matching++;
            }
        }

        return matching;
    }
}
