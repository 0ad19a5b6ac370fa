using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// The routing queue on SQLite, in the table <c>cc_rt_queue_entries</c>: one row per queued concern, with its status,
/// ladder, step and open offer in typed columns.
/// </summary>
/// <remarks>
/// <para>
/// A write updates the row only where the version is the expected one, and an enqueue inserts with
/// <c>ON CONFLICT DO NOTHING</c> on the concern's primary key, so of two router instances that offer the same concern
/// or enqueue it at the same moment exactly one succeeds and the other receives
/// <see cref="ConcurrencyConflictException"/> with both versions.
/// </para>
/// <para>
/// Instants are kept to the microsecond; finer parts are truncated towards the past, also in the entry that a write
/// returns. The store never reads a clock. This type is thread-safe, and several processes may share the database
/// file.
/// </para>
/// </remarks>
public sealed class SqliteRoutingQueueStore : IRoutingQueueStore
{
    private const string EntryColumns =
        "concern_id, version, status, ladder, step_index, step_entered_at, step_deadline, priority, offer_agent_id, offered_at, offer_expires_at, " +
        "assigned_agent_id, assigned_at, exhausted_at, offer_count, document";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteRoutingQueueStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteRoutingQueueStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<QueueEntry?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        var entries = await ReadAsync(
            $"SELECT {EntryColumns} FROM cc_rt_queue_entries WHERE concern_id = $id",
            command => command.Parameters.AddWithValue("$id", concernId.ToString()),
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc/>
    public async ValueTask<QueueEntry> SaveAsync(QueueEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Versions start at 0 (must not exist yet). Pass the version you read.");
        }

        var columns = RoutingDocuments.ToColumns(entry, expectedVersion + 1);
        var id = entry.ConcernId.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = expectedVersion == 0
                ? scope.Command(
                    $"INSERT INTO cc_rt_queue_entries ({EntryColumns}) VALUES ($id, $version, $status, $ladder, $step, $entered, $deadline, $priority, " +
                    "$offerAgent, $offeredAt, $offerExpires, $assignedAgent, $assignedAt, $exhausted, $offers, $document) ON CONFLICT (concern_id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_rt_queue_entries SET version = $version, status = $status, ladder = $ladder, step_index = $step, step_entered_at = $entered, " +
                    "step_deadline = $deadline, priority = $priority, offer_agent_id = $offerAgent, offered_at = $offeredAt, offer_expires_at = $offerExpires, " +
                    "assigned_agent_id = $assignedAgent, assigned_at = $assignedAt, exhausted_at = $exhausted, offer_count = $offers, document = $document " +
                    "WHERE concern_id = $id AND version = $expected");
            AddColumns(write, id, columns);
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("$expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var stored = await ReadVersionAsync(scope, id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(nameof(QueueEntry), id, expectedVersion, stored);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return RoutingDocuments.ReadEntry(columns);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(ConcernId concernId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Stored entries have version 1 or more. Pass the version you read.");
        }

        var id = concernId.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var delete = scope.Command("DELETE FROM cc_rt_queue_entries WHERE concern_id = $id AND version = $expected");
            delete.Parameters.AddWithValue("$id", id);
            delete.Parameters.AddWithValue("$expected", expectedVersion);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            var stored = await ReadVersionAsync(scope, id, cancellationToken).ConfigureAwait(false);
            return stored is null ? false : throw new ConcurrencyConflictException(nameof(QueueEntry), id, expectedVersion, stored);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);

        var entries = await ReadAsync(
            $"SELECT {EntryColumns} FROM cc_rt_queue_entries WHERE concern_id > $after{Filter(query.Status, query.Ladder)} ORDER BY concern_id LIMIT $take",
            command =>
            {
                command.Parameters.AddWithValue("$after", query.After is { } cursor ? cursor.ToString() : string.Empty);
                command.Parameters.AddWithValue("$take", query.Limit + 1);
                AddFilter(command, query.Status, query.Ladder);
            },
            cancellationToken).ConfigureAwait(false);
        var more = entries.Count > query.Limit;
        if (more)
        {
            entries.RemoveAt(query.Limit);
        }

        return new QueuePage(entries, more ? entries[^1].ConcernId : null);
    }

    /// <inheritdoc/>
    public async ValueTask<int> CountAsync(QueueEntryStatus? status = null, string? ladder = null, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM cc_rt_queue_entries WHERE 1 = 1{Filter(status, ladder)}";
            AddFilter(count, status, ladder);
            return checked((int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }
    }

    private static string Filter(QueueEntryStatus? status, string? ladder) =>
        (status is null ? string.Empty : " AND status = $status") + (ladder is null ? string.Empty : " AND ladder = $ladder");

    private static void AddFilter(SqliteCommand command, QueueEntryStatus? status, string? ladder)
    {
        if (status is { } value)
        {
            command.Parameters.AddWithValue("$status", (int)value);
        }

        if (ladder is not null)
        {
            command.Parameters.AddWithValue("$ladder", ladder);
        }
    }

    private static void AddColumns(SqliteCommand command, string id, RoutingDocuments.QueueEntryColumns columns)
    {
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$version", columns.Version);
        command.Parameters.AddWithValue("$status", (int)columns.Status);
        command.Parameters.AddWithValue("$ladder", columns.Ladder);
        command.Parameters.AddWithValue("$step", columns.StepIndex);
        command.Parameters.AddWithValue("$entered", SqliteInstant.ToMicroseconds(columns.StepEnteredAt));
        command.Parameters.AddWithValue("$deadline", Microseconds(columns.StepDeadline));
        command.Parameters.AddWithValue("$priority", columns.Priority);
        command.Parameters.AddWithValue("$offerAgent", (object?)columns.OfferAgent?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$offeredAt", Microseconds(columns.OfferedAt));
        command.Parameters.AddWithValue("$offerExpires", Microseconds(columns.OfferExpiresAt));
        command.Parameters.AddWithValue("$assignedAgent", (object?)columns.AssignedAgent?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$assignedAt", Microseconds(columns.AssignedAt));
        command.Parameters.AddWithValue("$exhausted", Microseconds(columns.ExhaustedAt));
        command.Parameters.AddWithValue("$offers", columns.OfferCount);
        command.Parameters.AddWithValue("$document", columns.Document);
    }

    private static object Microseconds(Instant? instant) => instant is { } value ? SqliteInstant.ToMicroseconds(value) : DBNull.Value;

    private static Instant? ReadInstant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteInstant.FromMicroseconds(reader.GetInt64(ordinal));

    private static AgentId? ReadAgentId(SqliteDataReader reader, int ordinal, string column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var text = reader.GetString(ordinal);
        return AgentId.TryParse(text, out var id)
            ? id
            : throw new InvalidDataException($"The {column} '{text}' in cc_rt_queue_entries is no agent identifier. Fix or delete the row.");
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, string id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_rt_queue_entries WHERE concern_id = $id");
        read.Parameters.AddWithValue("$id", id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private async Task<List<QueueEntry>> ReadAsync(string sql, Action<SqliteCommand> addParameters, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = connection.CreateCommand();
            read.CommandText = sql;
            addParameters(read);
            var entries = new List<QueueEntry>();
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var text = reader.GetString(0);
                    var concernId = ConcernId.TryParse(text, out var parsed)
                        ? parsed
                        : throw new InvalidDataException($"The concern_id '{text}' in cc_rt_queue_entries is no concern identifier. Fix or delete the row.");
                    entries.Add(RoutingDocuments.ReadEntry(new RoutingDocuments.QueueEntryColumns(
                        concernId,
                        reader.GetInt64(1),
                        (QueueEntryStatus)reader.GetInt32(2),
                        reader.GetString(3),
                        reader.GetInt32(4),
                        SqliteInstant.FromMicroseconds(reader.GetInt64(5)),
                        ReadInstant(reader, 6),
                        reader.GetInt32(7),
                        ReadAgentId(reader, 8, "offer_agent_id"),
                        ReadInstant(reader, 9),
                        ReadInstant(reader, 10),
                        ReadAgentId(reader, 11, "assigned_agent_id"),
                        ReadInstant(reader, 12),
                        ReadInstant(reader, 13),
                        reader.GetInt32(14),
                        reader.GetString(15))));
                }
            }

            return entries;
        }
    }
}
