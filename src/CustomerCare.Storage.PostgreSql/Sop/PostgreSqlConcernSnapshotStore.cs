using CustomerCare.Core;
using CustomerCare.Sop;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The store of concern snapshots on PostgreSQL, in the tables <c>cc_sop_concerns</c>, <c>cc_sop_timers</c>,
/// <c>cc_sop_audit</c> and <c>cc_sop_intents</c>, shared by every host instance.
/// </summary>
/// <remarks>
/// <para>
/// A save runs in one read-committed transaction. It first updates the concern row only where the version is the
/// expected one; that row lock makes concurrent writers of one concern wait, and the loser then finds a new version,
/// matches no row and fails with <see cref="ConcurrencyConflictException"/>. The audit entry, the timers and the
/// intents follow in the same transaction. A unique index on the concern and the idempotency key rejects a repeated
/// request, also when two instances save it at the same moment.
/// </para>
/// <para>
/// Instants map to <c>timestamptz</c> and are kept to the microsecond; finer parts are truncated towards the past.
/// The store never reads a clock and SQL never calls <c>now()</c>. PostgreSQL text cannot hold the NUL character
/// (U+0000), so a save whose identifiers, states or idempotency key contain it is rejected before it reaches the
/// server. Field values, reasons and arguments are stored as JSON, which escapes NUL, and keep it. This type is
/// thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlConcernSnapshotStore : IConcernSnapshotStore
{
    private const int MaxLimit = 1000;
    private const string EntityType = "Concern";
    private const string IdempotencyIndex = "cc_sop_audit_idempotency";

    private const string AuditColumns =
        "concern_id, version, kind, occurred_at, actor, procedure_id, procedure_version, from_state, to_state, trigger_name, idempotency_key, detail, document";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlConcernSnapshotStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlConcernSnapshotStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async Task<ConcernSnapshot?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement reads the concern and its timers from the same snapshot of the database.
            var find = new NpgsqlCommand(
                "SELECT c.concern_type, c.procedure_id, c.procedure_version, c.state, c.state_entry, c.version, c.created_at, c.state_entered_at, " +
                "c.updated_at, c.document, t.name, t.trigger_name, t.state, t.state_entry, t.due_at " +
                "FROM cc_sop_concerns c LEFT JOIN cc_sop_timers t ON t.concern_id = c.concern_id WHERE c.concern_id = @id ORDER BY t.ordinal",
                connection);
            find.Parameters.AddWithValue("id", concernId.Value);
            var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var concernType = reader.GetString(0);
                var procedureId = reader.GetString(1);
                var procedureVersion = reader.GetInt32(2);
                var state = reader.GetString(3);
                var stateEntry = reader.GetInt64(4);
                var version = reader.GetInt64(5);
                var createdAt = PostgreSqlInstant.FromDateTime(reader.GetDateTime(6));
                var enteredAt = PostgreSqlInstant.FromDateTime(reader.GetDateTime(7));
                var updatedAt = PostgreSqlInstant.FromDateTime(reader.GetDateTime(8));
                var parts = SopDocuments.ReadSnapshot(reader.GetString(9));
                var timers = new List<ArmedTimer>();
                do
                {
                    if (!reader.IsDBNull(10))
                    {
                        timers.Add(new ArmedTimer(
                            reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.GetInt64(13), PostgreSqlInstant.FromDateTime(reader.GetDateTime(14))));
                    }
                }
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

                return new ConcernSnapshot(
                    concernId, concernType, procedureId, procedureVersion, state, stateEntry, version, createdAt, enteredAt, updatedAt,
                    parts.Fields, parts.Steps, parts.Approvals, timers);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A concern type, procedure, state, timer, actor, trigger, idempotency key, detail or intent of the change contains the NUL character.</exception>
    public async Task SaveAsync(ConcernChange change, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(change);
        RejectNul(change);

        var id = change.Snapshot.Id.Value;
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            if (!await WriteConcernAsync(scope, change, cancellationToken).ConfigureAwait(false))
            {
                var stored = await ReadVersionAsync(scope, id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(EntityType, change.Snapshot.Id.ToString(), change.ExpectedVersion, stored);
            }

            var batch = new NpgsqlBatch(scope.Connection, scope.Transaction);
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(AuditInsert(change.Audit));
                if (change.ExpectedVersion > 0)
                {
                    var delete = new NpgsqlBatchCommand("DELETE FROM cc_sop_timers WHERE concern_id = @id");
                    delete.Parameters.AddWithValue("id", id);
                    batch.BatchCommands.Add(delete);
                }

                if (change.Snapshot.Timers.Count > 0)
                {
                    batch.BatchCommands.Add(TimersInsert(id, change.Snapshot.Timers));
                }

                if (change.Intents.Count > 0)
                {
                    batch.BatchCommands.Add(IntentsInsert(id, change.Intents));
                }

                try
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == IdempotencyIndex)
                {
                    // The version matched, so the stored version is the expected one. The repeated key is the conflict.
                    throw new ConcurrencyConflictException(EntityType, change.Snapshot.Id.ToString(), change.ExpectedVersion, change.ExpectedVersion);
                }
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<AuditEntry?> FindByIdempotencyKeyAsync(ConcernId concernId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Contains('\0', StringComparison.Ordinal))
        {
            // A save rejects such a key, so no entry can carry it.
            return null;
        }

        var entries = await ReadAuditAsync(
            $"SELECT {AuditColumns} FROM cc_sop_audit WHERE concern_id = @id AND idempotency_key = @key",
            command =>
            {
                command.Parameters.AddWithValue("id", concernId.Value);
                command.Parameters.AddWithValue("key", idempotencyKey);
            },
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(ConcernId concernId, long afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        if (afterVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(afterVersion), afterVersion, "The version to read after must be 0 or greater.");
        }

        Guard.InRange(limit, 1, MaxLimit);

        return await ReadAuditAsync(
            $"SELECT {AuditColumns} FROM cc_sop_audit WHERE concern_id = @id AND version > @after ORDER BY version LIMIT @limit",
            command =>
            {
                command.Parameters.AddWithValue("id", concernId.Value);
                command.Parameters.AddWithValue("after", afterVersion);
                command.Parameters.AddWithValue("limit", limit);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxIntent>> ListPendingIntentsAsync(int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand(
                "SELECT concern_id, version, intent_index, kind, parameter, state, phase, created_at FROM cc_sop_intents " +
                "WHERE NOT dispatched ORDER BY created_at, concern_id, version, intent_index LIMIT @limit",
                connection);
            list.Parameters.AddWithValue("limit", limit);
            var intents = new List<OutboxIntent>();
            var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    intents.Add(new OutboxIntent(
                        new ConcernId(reader.GetGuid(0)),
                        reader.GetInt64(1),
                        reader.GetInt32(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetString(5),
                        (IntentPhase)reader.GetInt16(6),
                        PostgreSqlInstant.FromDateTime(reader.GetDateTime(7))));
                }
            }

            return intents;
        }
    }

    /// <inheritdoc/>
    public async Task MarkIntentsDispatchedAsync(IEnumerable<OutboxIntent> intents, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(intents);
        var marks = intents.ToArray();
        if (marks.Length == 0)
        {
            return;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The rows are locked in key order, so two callers that mark overlapping sets cannot deadlock.
            var mark = new NpgsqlCommand(
                "UPDATE cc_sop_intents i SET dispatched = true FROM (" +
                "SELECT concern_id, version, intent_index FROM cc_sop_intents " +
                "WHERE (concern_id, version, intent_index) IN (SELECT * FROM unnest(@ids, @versions, @indexes)) AND NOT dispatched " +
                "ORDER BY concern_id, version, intent_index FOR UPDATE) marked " +
                "WHERE i.concern_id = marked.concern_id AND i.version = marked.version AND i.intent_index = marked.intent_index",
                connection);
            mark.Parameters.AddWithValue("ids", marks.Select(i => i.ConcernId.Value).ToArray());
            mark.Parameters.AddWithValue("versions", marks.Select(i => i.Version).ToArray());
            mark.Parameters.AddWithValue("indexes", marks.Select(i => i.Index).ToArray());
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(Instant now, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand(
                "SELECT concern_id, name, trigger_name, state, state_entry, due_at FROM cc_sop_timers " +
                "WHERE due_at <= @now ORDER BY due_at, concern_id, name LIMIT @limit",
                connection);
            list.Parameters.AddWithValue("now", PostgreSqlInstant.ToDateTime(now));
            list.Parameters.AddWithValue("limit", limit);
            var due = new List<DueTimer>();
            var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var timer = new ArmedTimer(
                        reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), PostgreSqlInstant.FromDateTime(reader.GetDateTime(5)));
                    due.Add(new DueTimer(new ConcernId(reader.GetGuid(0)), timer));
                }
            }

            return due;
        }
    }

    private static async Task<bool> WriteConcernAsync(PostgreSqlDatabase.WriteScope scope, ConcernChange change, CancellationToken cancellationToken)
    {
        // A new concern waits on a concurrent insert of the same id and then inserts nothing; an update waits on the
        // row lock of a concurrent writer and then re-checks the version against the committed row.
        var write = change.ExpectedVersion == 0
            ? scope.Command(
                "INSERT INTO cc_sop_concerns (concern_id, concern_type, procedure_id, procedure_version, state, state_entry, version, " +
                "created_at, state_entered_at, updated_at, document) " +
                "VALUES (@id, @type, @procedure, @procedureVersion, @state, @stateEntry, @version, @created, @entered, @updated, @document) " +
                "ON CONFLICT (concern_id) DO NOTHING")
            : scope.Command(
                "UPDATE cc_sop_concerns SET concern_type = @type, procedure_id = @procedure, procedure_version = @procedureVersion, state = @state, " +
                "state_entry = @stateEntry, version = @version, created_at = @created, state_entered_at = @entered, updated_at = @updated, document = @document " +
                "WHERE concern_id = @id AND version = @expected");

        var snapshot = change.Snapshot;
        write.Parameters.AddWithValue("id", snapshot.Id.Value);
        write.Parameters.AddWithValue("type", snapshot.ConcernType);
        write.Parameters.AddWithValue("procedure", snapshot.ProcedureId);
        write.Parameters.AddWithValue("procedureVersion", snapshot.ProcedureVersion);
        write.Parameters.AddWithValue("state", snapshot.State);
        write.Parameters.AddWithValue("stateEntry", snapshot.StateEntry);
        write.Parameters.AddWithValue("version", snapshot.Version);
        write.Parameters.AddWithValue("created", PostgreSqlInstant.ToDateTime(snapshot.CreatedAt));
        write.Parameters.AddWithValue("entered", PostgreSqlInstant.ToDateTime(snapshot.StateEnteredAt));
        write.Parameters.AddWithValue("updated", PostgreSqlInstant.ToDateTime(snapshot.UpdatedAt));
        write.Parameters.AddWithValue("document", NpgsqlDbType.Json, SopDocuments.WriteSnapshot(snapshot));
        if (change.ExpectedVersion > 0)
        {
            write.Parameters.AddWithValue("expected", change.ExpectedVersion);
        }

        return await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, Guid id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_sop_concerns WHERE concern_id = @id");
        read.Parameters.AddWithValue("id", id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private static NpgsqlBatchCommand AuditInsert(AuditEntry entry)
    {
        var insert = new NpgsqlBatchCommand(
            $"INSERT INTO cc_sop_audit ({AuditColumns}) " +
            "VALUES (@id, @version, @kind, @at, @actor, @procedure, @procedureVersion, @from, @to, @trigger, @key, @detail, @document)");
        insert.Parameters.AddWithValue("id", entry.ConcernId.Value);
        insert.Parameters.AddWithValue("version", entry.Version);
        insert.Parameters.AddWithValue("kind", (short)entry.Kind);
        insert.Parameters.AddWithValue("at", PostgreSqlInstant.ToDateTime(entry.At));
        insert.Parameters.AddWithValue("actor", entry.Actor.Id);
        insert.Parameters.AddWithValue("procedure", entry.ProcedureId);
        insert.Parameters.AddWithValue("procedureVersion", entry.ProcedureVersion);
        insert.Parameters.AddWithValue("from", entry.FromState);
        insert.Parameters.AddWithValue("to", entry.ToState);
        insert.Parameters.AddWithValue("trigger", NpgsqlDbType.Text, (object?)entry.Trigger ?? DBNull.Value);
        insert.Parameters.AddWithValue("key", NpgsqlDbType.Text, (object?)entry.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("detail", NpgsqlDbType.Text, (object?)entry.Detail ?? DBNull.Value);
        insert.Parameters.AddWithValue("document", NpgsqlDbType.Json, (object?)SopDocuments.WriteAudit(entry) ?? DBNull.Value);
        return insert;
    }

    private static NpgsqlBatchCommand TimersInsert(Guid id, IReadOnlyList<ArmedTimer> timers)
    {
        // WITH ORDINALITY numbers the rows from 1 in the order of the arrays, which is the snapshot's order.
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO cc_sop_timers (concern_id, ordinal, name, trigger_name, state, state_entry, due_at) " +
            "SELECT @id, (t.ordinal - 1)::integer, t.name, t.trigger_name, t.state, t.state_entry, t.due_at " +
            "FROM unnest(@names, @triggers, @states, @entries, @dues) WITH ORDINALITY AS t(name, trigger_name, state, state_entry, due_at, ordinal)");
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("names", timers.Select(t => t.Name).ToArray());
        insert.Parameters.AddWithValue("triggers", timers.Select(t => t.Trigger).ToArray());
        insert.Parameters.AddWithValue("states", timers.Select(t => t.State).ToArray());
        insert.Parameters.AddWithValue("entries", timers.Select(t => t.StateEntry).ToArray());
        insert.Parameters.AddWithValue("dues", timers.Select(t => PostgreSqlInstant.ToDateTime(t.DueAt)).ToArray());
        return insert;
    }

    private static NpgsqlBatchCommand IntentsInsert(Guid id, IReadOnlyList<OutboxIntent> intents)
    {
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO cc_sop_intents (concern_id, version, intent_index, kind, parameter, state, phase, created_at) " +
            "SELECT @id, @version, i.intent_index, i.kind, i.parameter, i.state, i.phase, i.created_at " +
            "FROM unnest(@indexes, @kinds, @parameters, @states, @phases, @created) AS i(intent_index, kind, parameter, state, phase, created_at)");
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("version", intents[0].Version);
        insert.Parameters.AddWithValue("indexes", intents.Select(i => i.Index).ToArray());
        insert.Parameters.AddWithValue("kinds", intents.Select(i => i.Kind).ToArray());
        insert.Parameters.AddWithValue("parameters", NpgsqlDbType.Array | NpgsqlDbType.Text, intents.Select(i => i.Parameter).ToArray());
        insert.Parameters.AddWithValue("states", intents.Select(i => i.State).ToArray());
        insert.Parameters.AddWithValue("phases", intents.Select(i => (short)i.Phase).ToArray());
        insert.Parameters.AddWithValue("created", intents.Select(i => PostgreSqlInstant.ToDateTime(i.CreatedAt)).ToArray());
        return insert;
    }

    private static void RejectNul(ConcernChange change)
    {
        foreach (var (value, path) in TextColumns(change))
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"change.{path} contains the NUL character (U+0000), which PostgreSQL cannot store in a text column. Remove it from the value.",
                    nameof(change));
            }
        }
    }

    /// <summary>Returns the values of a change that go into text columns, with their paths for error messages.</summary>
    private static IEnumerable<(string? Value, string Path)> TextColumns(ConcernChange change)
    {
        var snapshot = change.Snapshot;
        yield return (snapshot.ConcernType, "Snapshot.ConcernType");
        yield return (snapshot.ProcedureId, "Snapshot.ProcedureId");
        yield return (snapshot.State, "Snapshot.State");
        foreach (var timer in snapshot.Timers)
        {
            yield return (timer.Name, "Snapshot.Timers[].Name");
            yield return (timer.Trigger, "Snapshot.Timers[].Trigger");
            yield return (timer.State, "Snapshot.Timers[].State");
        }

        var audit = change.Audit;
        yield return (audit.Actor.Id, "Audit.Actor");
        yield return (audit.ProcedureId, "Audit.ProcedureId");
        yield return (audit.FromState, "Audit.FromState");
        yield return (audit.ToState, "Audit.ToState");
        yield return (audit.Trigger, "Audit.Trigger");
        yield return (audit.IdempotencyKey, "Audit.IdempotencyKey");
        yield return (audit.Detail, "Audit.Detail");
        foreach (var intent in change.Intents)
        {
            yield return (intent.Kind, "Intents[].Kind");
            yield return (intent.Parameter, "Intents[].Parameter");
            yield return (intent.State, "Intents[].State");
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string sql, Action<NpgsqlCommand> addParameters, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = new NpgsqlCommand(sql, connection);
            addParameters(read);
            var entries = new List<AuditEntry>();
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var parts = SopDocuments.ReadAudit(reader.IsDBNull(12) ? null : reader.GetString(12));
                    entries.Add(new AuditEntry(
                        new ConcernId(reader.GetGuid(0)),
                        reader.GetInt64(1),
                        (AuditKind)reader.GetInt16(2),
                        PostgreSqlInstant.FromDateTime(reader.GetDateTime(3)),
                        new Actor(reader.GetString(4)),
                        reader.GetString(5),
                        reader.GetInt32(6),
                        reader.GetString(7),
                        reader.GetString(8),
                        reader.IsDBNull(9) ? null : reader.GetString(9),
                        parts.Reason,
                        parts.Arguments,
                        parts.OverriddenSteps,
                        reader.IsDBNull(10) ? null : reader.GetString(10),
                        reader.IsDBNull(11) ? null : reader.GetString(11)));
                }
            }

            return entries;
        }
    }
}
