using CustomerCare.Core;
using CustomerCare.Sop;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// The store of concern snapshots on SQLite, in the tables <c>cc_sop_concerns</c>, <c>cc_sop_timers</c>,
/// <c>cc_sop_audit</c> and <c>cc_sop_intents</c>.
/// </summary>
/// <remarks>
/// <para>
/// A save runs in one <c>BEGIN IMMEDIATE</c> transaction: it updates the concern row only where the version is the
/// expected one, then writes the audit entry, the timers and the intents, so a conflict or a repeated idempotency
/// key leaves nothing behind. A unique index on the concern and the idempotency key rejects a repeated request.
/// </para>
/// <para>
/// Instants are kept to the microsecond; finer parts are truncated towards the past. The store never reads a clock.
/// This type is thread-safe, and several processes may share the database file.
/// </para>
/// </remarks>
public sealed class SqliteConcernSnapshotStore : IConcernSnapshotStore
{
    private const int MaxLimit = 1000;
    private const string EntityType = "Concern";

    private const string ConcernColumns =
        "concern_type, procedure_id, procedure_version, state, state_entry, version, created_at, state_entered_at, updated_at, document";

    private const string AuditColumns =
        "concern_id, version, kind, occurred_at, actor, procedure_id, procedure_version, from_state, to_state, trigger_name, idempotency_key, detail, document";

    private const string IntentColumns = "concern_id, version, intent_index, kind, parameter, state, phase, created_at";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteConcernSnapshotStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteConcernSnapshotStore(SqliteDatabase database)
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
            var find = connection.CreateCommand();
            find.CommandText =
                "SELECT c.concern_type, c.procedure_id, c.procedure_version, c.state, c.state_entry, c.version, c.created_at, c.state_entered_at, " +
                "c.updated_at, c.document, t.name, t.trigger_name, t.state, t.state_entry, t.due_at " +
                "FROM cc_sop_concerns c LEFT JOIN cc_sop_timers t ON t.concern_id = c.concern_id WHERE c.concern_id = $id ORDER BY t.ordinal";
            find.Parameters.AddWithValue("$id", concernId.ToString());
            var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var timers = new List<ArmedTimer>();
                var row = ReadConcernRow(reader);
                do
                {
                    if (!reader.IsDBNull(10))
                    {
                        timers.Add(new ArmedTimer(
                            reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.GetInt64(13), SqliteInstant.FromMicroseconds(reader.GetInt64(14))));
                    }
                }
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

                var parts = SopDocuments.ReadSnapshot(row.Document);
                return new ConcernSnapshot(
                    concernId, row.ConcernType, row.ProcedureId, row.ProcedureVersion, row.State, row.StateEntry, row.Version,
                    row.CreatedAt, row.StateEnteredAt, row.UpdatedAt, parts.Fields, parts.Steps, parts.Approvals, timers);
            }
        }
    }

    /// <inheritdoc/>
    public async Task SaveAsync(ConcernChange change, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(change);

        var id = change.Snapshot.Id.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var concern = change.ExpectedVersion == 0
                ? scope.Command(
                    $"INSERT INTO cc_sop_concerns (concern_id, {ConcernColumns}) " +
                    "VALUES ($id, $type, $procedure, $procedureVersion, $state, $stateEntry, $version, $created, $entered, $updated, $document) " +
                    "ON CONFLICT (concern_id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_sop_concerns SET concern_type = $type, procedure_id = $procedure, procedure_version = $procedureVersion, state = $state, " +
                    "state_entry = $stateEntry, version = $version, created_at = $created, state_entered_at = $entered, updated_at = $updated, document = $document " +
                    "WHERE concern_id = $id AND version = $expected");
            AddConcern(concern, id, change.Snapshot);
            if (change.ExpectedVersion > 0)
            {
                concern.Parameters.AddWithValue("$expected", change.ExpectedVersion);
            }

            if (await concern.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var stored = await ReadVersionAsync(scope, id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(EntityType, id, change.ExpectedVersion, stored);
            }

            // The version matched, so the stored version is the expected one. A repeated key is the only other conflict.
            if (!await InsertAuditAsync(scope, id, change.Audit, cancellationToken).ConfigureAwait(false))
            {
                throw new ConcurrencyConflictException(EntityType, id, change.ExpectedVersion, change.ExpectedVersion);
            }

            await ReplaceTimersAsync(scope, id, change, cancellationToken).ConfigureAwait(false);
            await InsertIntentsAsync(scope, id, change.Intents, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<AuditEntry?> FindByIdempotencyKeyAsync(ConcernId concernId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        Guard.NotNullOrWhiteSpace(idempotencyKey);

        var entries = await ReadAuditAsync(
            $"SELECT {AuditColumns} FROM cc_sop_audit WHERE concern_id = $id AND idempotency_key = $key",
            command =>
            {
                command.Parameters.AddWithValue("$id", concernId.ToString());
                command.Parameters.AddWithValue("$key", idempotencyKey);
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
            $"SELECT {AuditColumns} FROM cc_sop_audit WHERE concern_id = $id AND version > $after ORDER BY version LIMIT $limit",
            command =>
            {
                command.Parameters.AddWithValue("$id", concernId.ToString());
                command.Parameters.AddWithValue("$after", afterVersion);
                command.Parameters.AddWithValue("$limit", limit);
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
            var list = connection.CreateCommand();
            list.CommandText =
                $"SELECT {IntentColumns} FROM cc_sop_intents WHERE dispatched = 0 ORDER BY created_at, concern_id, version, intent_index LIMIT $limit";
            list.Parameters.AddWithValue("$limit", limit);
            var intents = new List<OutboxIntent>();
            var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    intents.Add(new OutboxIntent(
                        ConcernId.Parse(reader.GetString(0)),
                        reader.GetInt64(1),
                        reader.GetInt32(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetString(5),
                        (IntentPhase)reader.GetInt32(6),
                        SqliteInstant.FromMicroseconds(reader.GetInt64(7))));
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

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var mark = scope.Command(
                "UPDATE cc_sop_intents SET dispatched = 1 WHERE concern_id = $id AND version = $version AND intent_index = $index AND dispatched = 0");
            var id = mark.Parameters.Add("$id", SqliteType.Text);
            var version = mark.Parameters.Add("$version", SqliteType.Integer);
            var index = mark.Parameters.Add("$index", SqliteType.Integer);
            foreach (var intent in marks)
            {
                id.Value = intent.ConcernId.ToString();
                version.Value = intent.Version;
                index.Value = intent.Index;
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(Instant now, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = connection.CreateCommand();
            list.CommandText =
                "SELECT concern_id, name, trigger_name, state, state_entry, due_at FROM cc_sop_timers " +
                "WHERE due_at <= $now ORDER BY due_at, concern_id, name LIMIT $limit";
            list.Parameters.AddWithValue("$now", SqliteInstant.ToMicroseconds(now));
            list.Parameters.AddWithValue("$limit", limit);
            var due = new List<DueTimer>();
            var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var timer = new ArmedTimer(
                        reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), SqliteInstant.FromMicroseconds(reader.GetInt64(5)));
                    due.Add(new DueTimer(ConcernId.Parse(reader.GetString(0)), timer));
                }
            }

            return due;
        }
    }

    private static void AddConcern(SqliteCommand command, string id, ConcernSnapshot snapshot)
    {
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$type", snapshot.ConcernType);
        command.Parameters.AddWithValue("$procedure", snapshot.ProcedureId);
        command.Parameters.AddWithValue("$procedureVersion", snapshot.ProcedureVersion);
        command.Parameters.AddWithValue("$state", snapshot.State);
        command.Parameters.AddWithValue("$stateEntry", snapshot.StateEntry);
        command.Parameters.AddWithValue("$version", snapshot.Version);
        command.Parameters.AddWithValue("$created", SqliteInstant.ToMicroseconds(snapshot.CreatedAt));
        command.Parameters.AddWithValue("$entered", SqliteInstant.ToMicroseconds(snapshot.StateEnteredAt));
        command.Parameters.AddWithValue("$updated", SqliteInstant.ToMicroseconds(snapshot.UpdatedAt));
        command.Parameters.AddWithValue("$document", SopDocuments.WriteSnapshot(snapshot));
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, string id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_sop_concerns WHERE concern_id = $id");
        read.Parameters.AddWithValue("$id", id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private static async Task<bool> InsertAuditAsync(SqliteDatabase.WriteScope scope, string id, AuditEntry entry, CancellationToken cancellationToken)
    {
        // DO NOTHING covers the unique index on (concern_id, idempotency_key): a repeated key inserts no row.
        var insert = scope.Command(
            $"INSERT INTO cc_sop_audit ({AuditColumns}) " +
            "VALUES ($id, $version, $kind, $at, $actor, $procedure, $procedureVersion, $from, $to, $trigger, $key, $detail, $document) ON CONFLICT DO NOTHING");
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$version", entry.Version);
        insert.Parameters.AddWithValue("$kind", (int)entry.Kind);
        insert.Parameters.AddWithValue("$at", SqliteInstant.ToMicroseconds(entry.At));
        insert.Parameters.AddWithValue("$actor", entry.Actor.Id);
        insert.Parameters.AddWithValue("$procedure", entry.ProcedureId);
        insert.Parameters.AddWithValue("$procedureVersion", entry.ProcedureVersion);
        insert.Parameters.AddWithValue("$from", entry.FromState);
        insert.Parameters.AddWithValue("$to", entry.ToState);
        insert.Parameters.AddWithValue("$trigger", (object?)entry.Trigger ?? DBNull.Value);
        insert.Parameters.AddWithValue("$key", (object?)entry.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        insert.Parameters.AddWithValue("$document", (object?)SopDocuments.WriteAudit(entry) ?? DBNull.Value);
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task ReplaceTimersAsync(SqliteDatabase.WriteScope scope, string id, ConcernChange change, CancellationToken cancellationToken)
    {
        if (change.ExpectedVersion > 0)
        {
            var delete = scope.Command("DELETE FROM cc_sop_timers WHERE concern_id = $id");
            delete.Parameters.AddWithValue("$id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var timers = change.Snapshot.Timers;
        if (timers.Count == 0)
        {
            return;
        }

        var insert = scope.Command(
            "INSERT INTO cc_sop_timers (concern_id, ordinal, name, trigger_name, state, state_entry, due_at) " +
            "VALUES ($id, $ordinal, $name, $trigger, $state, $stateEntry, $due)");
        insert.Parameters.AddWithValue("$id", id);
        var ordinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var trigger = insert.Parameters.Add("$trigger", SqliteType.Text);
        var state = insert.Parameters.Add("$state", SqliteType.Text);
        var stateEntry = insert.Parameters.Add("$stateEntry", SqliteType.Integer);
        var due = insert.Parameters.Add("$due", SqliteType.Integer);
        for (var i = 0; i < timers.Count; i++)
        {
            ordinal.Value = i;
            name.Value = timers[i].Name;
            trigger.Value = timers[i].Trigger;
            state.Value = timers[i].State;
            stateEntry.Value = timers[i].StateEntry;
            due.Value = SqliteInstant.ToMicroseconds(timers[i].DueAt);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InsertIntentsAsync(SqliteDatabase.WriteScope scope, string id, IReadOnlyList<OutboxIntent> intents, CancellationToken cancellationToken)
    {
        if (intents.Count == 0)
        {
            return;
        }

        var insert = scope.Command(
            $"INSERT INTO cc_sop_intents ({IntentColumns}) VALUES ($id, $version, $index, $kind, $parameter, $state, $phase, $created)");
        insert.Parameters.AddWithValue("$id", id);
        var version = insert.Parameters.Add("$version", SqliteType.Integer);
        var index = insert.Parameters.Add("$index", SqliteType.Integer);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var parameter = insert.Parameters.Add("$parameter", SqliteType.Text);
        var state = insert.Parameters.Add("$state", SqliteType.Text);
        var phase = insert.Parameters.Add("$phase", SqliteType.Integer);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        foreach (var intent in intents)
        {
            version.Value = intent.Version;
            index.Value = intent.Index;
            kind.Value = intent.Kind;
            parameter.Value = (object?)intent.Parameter ?? DBNull.Value;
            state.Value = intent.State;
            phase.Value = (int)intent.Phase;
            created.Value = SqliteInstant.ToMicroseconds(intent.CreatedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string sql, Action<SqliteCommand> addParameters, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = connection.CreateCommand();
            read.CommandText = sql;
            addParameters(read);
            var entries = new List<AuditEntry>();
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var parts = SopDocuments.ReadAudit(reader.IsDBNull(12) ? null : reader.GetString(12));
                    entries.Add(new AuditEntry(
                        ConcernId.Parse(reader.GetString(0)),
                        reader.GetInt64(1),
                        (AuditKind)reader.GetInt32(2),
                        SqliteInstant.FromMicroseconds(reader.GetInt64(3)),
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

    private static ConcernRow ReadConcernRow(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetString(3),
        reader.GetInt64(4),
        reader.GetInt64(5),
        SqliteInstant.FromMicroseconds(reader.GetInt64(6)),
        SqliteInstant.FromMicroseconds(reader.GetInt64(7)),
        SqliteInstant.FromMicroseconds(reader.GetInt64(8)),
        reader.GetString(9));

    private readonly record struct ConcernRow(
        string ConcernType,
        string ProcedureId,
        int ProcedureVersion,
        string State,
        long StateEntry,
        long Version,
        Instant CreatedAt,
        Instant StateEnteredAt,
        Instant UpdatedAt,
        string Document);
}
