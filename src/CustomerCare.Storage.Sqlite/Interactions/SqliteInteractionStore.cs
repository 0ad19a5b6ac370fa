using System.Globalization;
using System.Text;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Timeline;
using CustomerCare.Storage.Interactions;
using Microsoft.Data.Sqlite;
using NodaTime;
using static CustomerCare.Storage.Sqlite.SqliteInteractionRows;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The interaction store on SQLite, in the table <c>cc_int_interactions</c>.</summary>
/// <remarks>
/// <para>
/// Recording is idempotent through a unique index on (channel, external id). The sequence number is the table's
/// <c>AUTOINCREMENT</c> rowid, assigned under the database's write lock, so it is unique, never reused and increases
/// in commit order. A timeline page is one range scan of the index on (customer, occurred-at, recorded-at, sequence),
/// which continues strictly after the key in the continuation token (keyset paging).
/// </para>
/// <para>
/// <see cref="RecordBatchAsync"/> records many interactions in one transaction, for imports: SQLite makes every
/// commit durable, and one commit per interaction limits a bulk load to the disk's sync rate.
/// </para>
/// <para>Instants are kept to the microsecond. This type is thread-safe.</para>
/// </remarks>
public sealed class SqliteInteractionStore : IInteractionStore
{
    private const string Columns = "sequence, id, version, customer_id, concern_id, channel, external_id, occurred_at, recorded_at, document";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own writes take their instants from the data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    public SqliteInteractionStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteInteractionStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireNew(interaction);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var result = await new Recorder(scope).RecordAsync(interaction, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>
    /// Records many interactions in one transaction, each as <see cref="RecordAsync"/> would, in the order given.
    /// </summary>
    /// <param name="interactions">The interactions, each with version and sequence 0. A later one with the channel and external id of an earlier one is its duplicate.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is stored then.</param>
    /// <returns>One result per interaction, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interactions"/> is null or contains null.</exception>
    /// <exception cref="ArgumentException">An interaction has a version or sequence other than 0.</exception>
    /// <exception cref="CustomerCareValidationException">An interaction is invalid; see <see cref="Interaction.Validate"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">An interaction has the id of a stored one with another channel or external id.</exception>
    /// <remarks>
    /// Every interaction is checked before the first write, and an exception stores none of them. The batch holds the
    /// write lock until it commits, so keep batches to a few thousand interactions.
    /// </remarks>
    public async ValueTask<IReadOnlyList<RecordResult>> RecordBatchAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        Guard.NoNullElements(interactions);
        foreach (var interaction in interactions)
        {
            StoreArguments.RequireNew(interaction);
        }

        var results = new RecordResult[interactions.Count];
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var recorder = new Recorder(scope);
            for (var i = 0; i < interactions.Count; i++)
            {
                results[i] = await recorder.RecordAsync(interactions[i], cancellationToken).ConfigureAwait(false);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Interaction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(connection, $"SELECT {Columns} FROM cc_int_interactions WHERE id = $id");
            find.Parameters.AddWithValue("$id", Id(id.Value));
            return await ReadSingleAsync(find, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Interaction?> FindByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(externalId);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(connection, $"SELECT {Columns} FROM cc_int_interactions WHERE channel = $channel AND external_id = $external");
            find.Parameters.AddWithValue("$channel", channel.Name);
            find.Parameters.AddWithValue("$external", externalId);
            return await ReadSingleAsync(find, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Interaction> UpdateAsync(Interaction interaction, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(interaction);
        interaction.Validate();

        var stored = Microseconds.Truncate(interaction) with { Version = expectedVersion + 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The fixed fields are part of the condition: a write that changes one updates no row.
            var update = scope.Command(
                "UPDATE cc_int_interactions SET version = $version, customer_id = $customer, concern_id = $concern, external_id = $external, document = $document " +
                "WHERE id = $id AND version = $expected AND sequence = $sequence AND channel = $channel AND occurred_at = $occurred AND recorded_at = $recorded");
            AddInteraction(update, stored);
            update.Parameters.AddWithValue("$version", stored.Version);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            update.Parameters.AddWithValue("$sequence", stored.Sequence);
            int changed;
            try
            {
                changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException exception) when (IsUniqueViolation(exception))
            {
                throw StoreArguments.ExternalIdTaken(interaction);
            }

            if (changed == 0)
            {
                var read = scope.Command("SELECT version FROM cc_int_interactions WHERE id = $id");
                read.Parameters.AddWithValue("$id", Id(stored.Id.Value));
                var actual = (long?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                throw actual == expectedVersion
                    ? StoreArguments.FixedFieldsChanged(interaction)
                    : new ConcurrencyConflictException("Interaction", stored.Id.ToString(), expectedVersion, actual);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<TimelinePage> GetTimelineAsync(TimelineQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        var after = query.Validate();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var page = Command(connection, string.Empty);
            page.CommandText = TimelineSql(query, after, page);
            var items = await ReadAllAsync(page, ReadInteraction, cancellationToken).ConfigureAwait(false);

            // One row more than the page size was read to learn whether another page follows.
            var more = items.Count > query.PageSize;
            if (more)
            {
                items.RemoveAt(items.Count - 1);
            }

            return new TimelinePage(items, more ? new TimelineCursor(items[^1].TimelineKey, query.Order).ToToken() : null);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Interaction>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = Command(connection, $"SELECT {Columns} FROM cc_int_interactions WHERE customer_id = $customer ORDER BY occurred_at, recorded_at, sequence");
            list.Parameters.AddWithValue("$customer", Id(customerId.Value));
            return await ReadAllAsync(list, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Interaction>> ListByConcernAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = Command(connection, $"SELECT {Columns} FROM cc_int_interactions WHERE concern_id = $concern ORDER BY occurred_at, recorded_at, sequence");
            list.Parameters.AddWithValue("$concern", Id(concernId.Value));
            return await ReadAllAsync(list, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string TimelineSql(TimelineQuery query, TimelineKey? after, SqliteCommand command)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM cc_int_interactions WHERE customer_id = $customer");
        command.Parameters.AddWithValue("$customer", Id(query.CustomerId.Value));
        if (query.ConcernId is { } concernId)
        {
            sql.Append(" AND concern_id = $concern");
            command.Parameters.AddWithValue("$concern", Id(concernId.Value));
        }

        if (query.Channels.Count > 0)
        {
            sql.Append(" AND channel IN (");
            for (var i = 0; i < query.Channels.Count; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$channel{i}");
                sql.Append(i == 0 ? name : ", " + name);
                command.Parameters.AddWithValue(name, query.Channels[i].Name);
            }

            sql.Append(')');
        }

        // Stored instants are whole microseconds, so rounding a bound up keeps the comparison exact.
        if (query.From is { } from)
        {
            sql.Append(" AND occurred_at >= $from");
            command.Parameters.AddWithValue("$from", Microseconds.Ceiling(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND occurred_at < $to");
            command.Parameters.AddWithValue("$to", Microseconds.Ceiling(to));
        }

        var oldestFirst = query.Order == TimelineOrder.OldestFirst;
        if (after is { } key)
        {
            sql.Append(oldestFirst
                ? " AND (occurred_at, recorded_at, sequence) > ($afterOccurred, $afterRecorded, $afterSequence)"
                : " AND (occurred_at, recorded_at, sequence) < ($afterOccurred, $afterRecorded, $afterSequence)");
            command.Parameters.AddWithValue("$afterOccurred", SqliteInstant.ToMicroseconds(key.OccurredAt));
            command.Parameters.AddWithValue("$afterRecorded", SqliteInstant.ToMicroseconds(key.RecordedAt));
            command.Parameters.AddWithValue("$afterSequence", key.Sequence);
        }

        sql.Append(oldestFirst
            ? " ORDER BY occurred_at, recorded_at, sequence LIMIT $limit"
            : " ORDER BY occurred_at DESC, recorded_at DESC, sequence DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.PageSize + 1);
        return sql.ToString();
    }

    private static void AddInteraction(SqliteCommand command, Interaction interaction)
    {
        command.Parameters.AddWithValue("$id", Id(interaction.Id.Value));
        command.Parameters.AddWithValue("$customer", Id(interaction.CustomerId.Value));
        command.Parameters.AddWithValue("$concern", Id(interaction.ConcernId?.Value));
        command.Parameters.AddWithValue("$channel", interaction.Channel.Name);
        command.Parameters.AddWithValue("$external", Value(interaction.ExternalId));
        command.Parameters.AddWithValue("$occurred", SqliteInstant.ToMicroseconds(interaction.OccurredAt));
        command.Parameters.AddWithValue("$recorded", SqliteInstant.ToMicroseconds(interaction.RecordedAt));
        command.Parameters.AddWithValue("$document", Write(InteractionDocument.From(interaction), InteractionsJsonContext.Documents.InteractionDocument));
    }

    private static Interaction ReadInteraction(SqliteDataReader reader)
    {
        var concernId = ReadOptionalId(reader, 4);
        return Read(reader, 9, InteractionsJsonContext.Documents.InteractionDocument).ToInteraction(
            new InteractionId(ReadId(reader, 1)),
            version: reader.GetInt64(2),
            sequence: reader.GetInt64(0),
            Channel.Parse(reader.GetString(5)),
            new CustomerId(ReadId(reader, 3)),
            concernId is { } concern ? new ConcernId(concern) : null,
            ReadOptionalString(reader, 6),
            SqliteInstant.FromMicroseconds(reader.GetInt64(7)),
            SqliteInstant.FromMicroseconds(reader.GetInt64(8)));
    }

    /// <summary>The statements of one write transaction that records interactions, prepared once and run per interaction.</summary>
    private sealed class Recorder(SqliteDatabase.WriteScope scope)
    {
        // The insert skips a row that breaks a unique key; the reads then tell a duplicate from an id conflict.
        private readonly SqliteCommand _insert = scope.Command(
            "INSERT INTO cc_int_interactions (id, version, customer_id, concern_id, channel, external_id, occurred_at, recorded_at, document) " +
            "VALUES ($id, 1, $customer, $concern, $channel, $external, $occurred, $recorded, $document) ON CONFLICT DO NOTHING RETURNING sequence");

        private readonly SqliteCommand _byExternalId = scope.Command($"SELECT {Columns} FROM cc_int_interactions WHERE channel = $channel AND external_id = $external");

        private readonly SqliteCommand _version = scope.Command("SELECT version FROM cc_int_interactions WHERE id = $id");

        public async Task<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            var draft = Microseconds.Truncate(interaction);
            _insert.Parameters.Clear();
            AddInteraction(_insert, draft);
            if (await _insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long sequence)
            {
                return new RecordResult(draft with { Version = 1, Sequence = sequence }, WasDuplicate: false);
            }

            if (draft.ExternalId is { } externalId)
            {
                _byExternalId.Parameters.Clear();
                _byExternalId.Parameters.AddWithValue("$channel", draft.Channel.Name);
                _byExternalId.Parameters.AddWithValue("$external", externalId);
                if (await ReadSingleAsync(_byExternalId, ReadInteraction, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return new RecordResult(existing, WasDuplicate: true);
                }
            }

            _version.Parameters.Clear();
            _version.Parameters.AddWithValue("$id", Id(draft.Id.Value));
            var actual = (long?)await _version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            throw new ConcurrencyConflictException("Interaction", draft.Id.ToString(), 0, actual);
        }
    }
}
