using System.Text;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The routing queue on PostgreSQL, in the table <c>cc_rt_queue_entries</c>: one row per queued concern, with its
/// status, ladder, step and open offer in typed columns.
/// </summary>
/// <remarks>
/// <para>
/// A write updates the row only where the version is the expected one. A concurrent writer waits on the row lock and
/// then finds another version. An enqueue inserts with <c>ON CONFLICT DO NOTHING</c> on the concern's primary key and
/// waits on a concurrent insert of the same concern. So of two host instances that offer the same concern, or enqueue
/// it at the same moment, exactly one succeeds and the other receives <see cref="ConcurrencyConflictException"/> with
/// both versions.
/// </para>
/// <para>
/// PostgreSQL text cannot hold the NUL character, so a ladder name with NUL is rejected before anything is written,
/// and a filter by such a name matches nothing. Instants are kept to the microsecond; finer parts are truncated
/// towards the past, also in the entry that a write returns. The store never reads a clock. This type is thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlRoutingQueueStore : IRoutingQueueStore
{
    private const string EntryColumns =
        "concern_id, version, status, ladder, step_index, step_entered_at, step_deadline, priority, offer_agent_id, offered_at, offer_expires_at, " +
        "assigned_agent_id, assigned_at, exhausted_at, offer_count, document";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlRoutingQueueStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlRoutingQueueStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<QueueEntry?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        var entries = await ReadAsync(
            $"SELECT {EntryColumns} FROM cc_rt_queue_entries WHERE concern_id = @id",
            command => command.Parameters.AddWithValue("id", concernId.Value),
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The entry's ladder name contains the NUL character.</exception>
    public async ValueTask<QueueEntry> SaveAsync(QueueEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Versions start at 0 (must not exist yet). Pass the version you read.");
        }

        if (entry.Ladder.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"entry.Ladder of concern {entry.ConcernId} contains the NUL character (U+0000), which PostgreSQL cannot store in a text column. Remove it from the ladder name.",
                nameof(entry));
        }

        var columns = RoutingDocuments.ToColumns(entry, expectedVersion + 1);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = expectedVersion == 0
                ? scope.Command(
                    $"INSERT INTO cc_rt_queue_entries ({EntryColumns}) VALUES (@id, @version, @status, @ladder, @step, @entered, @deadline, @priority, " +
                    "@offerAgent, @offeredAt, @offerExpires, @assignedAgent, @assignedAt, @exhausted, @offers, @document) ON CONFLICT (concern_id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_rt_queue_entries SET version = @version, status = @status, ladder = @ladder, step_index = @step, step_entered_at = @entered, " +
                    "step_deadline = @deadline, priority = @priority, offer_agent_id = @offerAgent, offered_at = @offeredAt, offer_expires_at = @offerExpires, " +
                    "assigned_agent_id = @assignedAgent, assigned_at = @assignedAt, exhausted_at = @exhausted, offer_count = @offers, document = @document " +
                    "WHERE concern_id = @id AND version = @expected");
            AddColumns(write, columns);
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var stored = await ReadVersionAsync(scope, entry.ConcernId, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(nameof(QueueEntry), entry.ConcernId.ToString(), expectedVersion, stored);
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

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var delete = scope.Command("DELETE FROM cc_rt_queue_entries WHERE concern_id = @id AND version = @expected");
            delete.Parameters.AddWithValue("id", concernId.Value);
            delete.Parameters.AddWithValue("expected", expectedVersion);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            var stored = await ReadVersionAsync(scope, concernId, cancellationToken).ConfigureAwait(false);
            return stored is null ? false : throw new ConcurrencyConflictException(nameof(QueueEntry), concernId.ToString(), expectedVersion, stored);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        if (query.Ladder?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return new QueuePage([], null);
        }

        var sql = new StringBuilder($"SELECT {EntryColumns} FROM cc_rt_queue_entries WHERE true");
        if (query.After is not null)
        {
            sql.Append(" AND concern_id > @after");
        }

        sql.Append(Filter(query.Status, query.Ladder)).Append(" ORDER BY concern_id LIMIT @take");
        var entries = await ReadAsync(
            sql.ToString(),
            command =>
            {
                if (query.After is { } cursor)
                {
                    command.Parameters.AddWithValue("after", cursor.Value);
                }

                command.Parameters.AddWithValue("take", query.Limit + 1);
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
        if (ladder?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return 0;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var count = new NpgsqlCommand($"SELECT COUNT(*) FROM cc_rt_queue_entries WHERE true{Filter(status, ladder)}", connection);
            AddFilter(count, status, ladder);
            return checked((int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }
    }

    private static string Filter(QueueEntryStatus? status, string? ladder) =>
        (status is null ? string.Empty : " AND status = @status") + (ladder is null ? string.Empty : " AND ladder = @ladder");

    private static void AddFilter(NpgsqlCommand command, QueueEntryStatus? status, string? ladder)
    {
        if (status is { } value)
        {
            command.Parameters.AddWithValue("status", (short)value);
        }

        if (ladder is not null)
        {
            command.Parameters.AddWithValue("ladder", ladder);
        }
    }

    private static void AddColumns(NpgsqlCommand command, RoutingDocuments.QueueEntryColumns columns)
    {
        command.Parameters.AddWithValue("id", columns.ConcernId.Value);
        command.Parameters.AddWithValue("version", columns.Version);
        command.Parameters.AddWithValue("status", (short)columns.Status);
        command.Parameters.AddWithValue("ladder", columns.Ladder);
        command.Parameters.AddWithValue("step", columns.StepIndex);
        command.Parameters.AddWithValue("entered", PostgreSqlInstant.ToDateTime(columns.StepEnteredAt));
        AddInstant(command, "deadline", columns.StepDeadline);
        command.Parameters.AddWithValue("priority", (short)columns.Priority);
        AddAgent(command, "offerAgent", columns.OfferAgent);
        AddInstant(command, "offeredAt", columns.OfferedAt);
        AddInstant(command, "offerExpires", columns.OfferExpiresAt);
        AddAgent(command, "assignedAgent", columns.AssignedAgent);
        AddInstant(command, "assignedAt", columns.AssignedAt);
        AddInstant(command, "exhausted", columns.ExhaustedAt);
        command.Parameters.AddWithValue("offers", columns.OfferCount);
        command.Parameters.AddWithValue("document", NpgsqlDbType.Json, columns.Document);
    }

    private static void AddInstant(NpgsqlCommand command, string name, Instant? instant) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz)
        {
            Value = instant is { } value ? PostgreSqlInstant.ToDateTime(value) : DBNull.Value,
        });

    private static void AddAgent(NpgsqlCommand command, string name, AgentId? agent) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Uuid) { Value = agent is { } value ? value.Value : DBNull.Value });

    private static Instant? ReadInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PostgreSqlInstant.FromDateTime(reader.GetDateTime(ordinal));

    private static AgentId? ReadAgent(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new AgentId(reader.GetGuid(ordinal));

    private static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, ConcernId id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_rt_queue_entries WHERE concern_id = @id");
        read.Parameters.AddWithValue("id", id.Value);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private async Task<List<QueueEntry>> ReadAsync(string sql, Action<NpgsqlCommand> addParameters, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = new NpgsqlCommand(sql, connection);
            addParameters(read);
            var entries = new List<QueueEntry>();
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(RoutingDocuments.ReadEntry(new RoutingDocuments.QueueEntryColumns(
                        new ConcernId(reader.GetGuid(0)),
                        reader.GetInt64(1),
                        (QueueEntryStatus)reader.GetInt16(2),
                        reader.GetString(3),
                        reader.GetInt32(4),
                        PostgreSqlInstant.FromDateTime(reader.GetDateTime(5)),
                        ReadInstant(reader, 6),
                        reader.GetInt16(7),
                        ReadAgent(reader, 8),
                        ReadInstant(reader, 9),
                        ReadInstant(reader, 10),
                        ReadAgent(reader, 11),
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
