using System.Text;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Timeline;
using CustomerCare.Storage.Interactions;
using Npgsql;
using NodaTime;
using static CustomerCare.Storage.PostgreSql.PostgreSqlInteractionRows;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>The interaction store on PostgreSQL, in the table <c>cc_int_interactions</c>, shared by every host instance.</summary>
/// <remarks>
/// <para>
/// Recording is one <c>INSERT ... ON CONFLICT DO NOTHING</c> against the unique key on (channel, external id). When
/// two instances record the same inbound message at the same moment, PostgreSQL makes the second insert wait for the
/// first transaction; the second then skips its row and returns the stored interaction as a duplicate. The sequence
/// number comes from an identity sequence, so it is unique and never reused; under concurrent recording it follows the
/// order of the inserts rather than of the commits.
/// </para>
/// <para>
/// An update is one conditional <c>UPDATE</c> on the expected version; a concurrent writer of the same row waits for
/// the row lock, then finds the new version, matches no row and fails with <see cref="ConcurrencyConflictException"/>.
/// A timeline page is one range scan of the index on (customer, occurred-at, recorded-at, sequence) that continues
/// strictly after the key in the continuation token.
/// </para>
/// <para>
/// Instants map to <c>timestamptz</c> and are kept to the microsecond. PostgreSQL text cannot hold the NUL character
/// (U+0000), so an external id that contains it is rejected before it reaches the server; the other free text is stored
/// as JSON, which escapes NUL. This type is thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlInteractionStore : IInteractionStore
{
    private const string Columns = "sequence, id, version, customer_id, concern_id, channel, external_id, occurred_at, recorded_at, document";
    private const string Table = "cc_int_interactions";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own writes take their instants from the data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlInteractionStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlInteractionStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The external id contains the NUL character.</exception>
    public async ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireNew(interaction);
        RejectNul(interaction.ExternalId, $"The external id of interaction {interaction.Id}", nameof(interaction));

        var draft = Microseconds.Truncate(interaction);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The insert skips a row that breaks a unique key; the reads then tell a duplicate from an id conflict.
            var insert = scope.Command(
                $"INSERT INTO {Table} (id, version, customer_id, concern_id, channel, external_id, occurred_at, recorded_at, document) " +
                "VALUES (@id, 1, @customer, @concern, @channel, @external, @occurred, @recorded, @document) ON CONFLICT DO NOTHING RETURNING sequence");
            AddInteraction(insert, draft);
            if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long sequence)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new RecordResult(draft with { Version = 1, Sequence = sequence }, WasDuplicate: false);
            }

            if (draft.ExternalId is { } externalId)
            {
                var byExternalId = scope.Command($"SELECT {Columns} FROM {Table} WHERE channel = @channel AND external_id = @external");
                byExternalId.Parameters.AddWithValue("channel", draft.Channel.Name);
                byExternalId.Parameters.AddWithValue("external", externalId);
                if (await ReadSingleAsync(byExternalId, ReadInteraction, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return new RecordResult(existing, WasDuplicate: true);
                }
            }

            var actual = await ReadVersionAsync(scope, Table, draft.Id.Value, cancellationToken).ConfigureAwait(false);
            throw new ConcurrencyConflictException("Interaction", draft.Id.ToString(), 0, actual);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Interaction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            return await ReadSingleAsync(find, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Interaction?> FindByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(externalId);
        if (HasNul(externalId))
        {
            // Recording rejects such an id, so no interaction can carry it.
            return null;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE channel = @channel AND external_id = @external", connection);
            find.Parameters.AddWithValue("channel", channel.Name);
            find.Parameters.AddWithValue("external", externalId);
            return await ReadSingleAsync(find, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The external id contains the NUL character.</exception>
    public async ValueTask<Interaction> UpdateAsync(Interaction interaction, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(interaction);
        interaction.Validate();
        RejectNul(interaction.ExternalId, $"The external id of interaction {interaction.Id}", nameof(interaction));

        var stored = Microseconds.Truncate(interaction) with { Version = expectedVersion + 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // A taken external id is looked up first, because a unique violation aborts the transaction. The catch
            // below covers another instance that takes the id between this read and the update.
            if (stored.ExternalId is { } externalId)
            {
                var taken = scope.Command($"SELECT 1 FROM {Table} WHERE channel = @channel AND external_id = @external AND id <> @id");
                taken.Parameters.AddWithValue("channel", stored.Channel.Name);
                taken.Parameters.AddWithValue("external", externalId);
                taken.Parameters.AddWithValue("id", stored.Id.Value);
                if (await taken.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    throw StoreArguments.ExternalIdTaken(interaction);
                }
            }

            // The fixed fields are part of the condition: a write that changes one updates no row.
            var update = scope.Command(
                $"UPDATE {Table} SET version = @version, customer_id = @customer, concern_id = @concern, external_id = @external, document = @document " +
                "WHERE id = @id AND version = @expected AND sequence = @sequence AND channel = @channel AND occurred_at = @occurred AND recorded_at = @recorded");
            AddInteraction(update, stored);
            update.Parameters.AddWithValue("version", stored.Version);
            update.Parameters.AddWithValue("expected", expectedVersion);
            update.Parameters.AddWithValue("sequence", stored.Sequence);
            int changed;
            try
            {
                changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another instance took the external id between the check and the update.
                throw StoreArguments.ExternalIdTaken(interaction);
            }

            if (changed == 0)
            {
                var actual = await ReadVersionAsync(scope, Table, stored.Id.Value, cancellationToken).ConfigureAwait(false);
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
            var page = new NpgsqlCommand(string.Empty, connection);
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
            var list = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE customer_id = @customer ORDER BY occurred_at, recorded_at, sequence", connection);
            list.Parameters.AddWithValue("customer", customerId.Value);
            return await ReadAllAsync(list, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Interaction>> ListByConcernAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE concern_id = @concern ORDER BY occurred_at, recorded_at, sequence", connection);
            list.Parameters.AddWithValue("concern", concernId.Value);
            return await ReadAllAsync(list, ReadInteraction, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string TimelineSql(TimelineQuery query, TimelineKey? after, NpgsqlCommand command)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM {Table} WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", query.CustomerId.Value);
        if (query.ConcernId is { } concernId)
        {
            sql.Append(" AND concern_id = @concern");
            command.Parameters.AddWithValue("concern", concernId.Value);
        }

        if (query.Channels.Count > 0)
        {
            sql.Append(" AND channel = ANY(@channels)");
            command.Parameters.AddWithValue("channels", query.Channels.Select(c => c.Name).ToArray());
        }

        // Stored instants are whole microseconds, so rounding a bound up keeps the comparison exact.
        if (query.From is { } from)
        {
            sql.Append(" AND occurred_at >= @from");
            command.Parameters.AddWithValue("from", PostgreSqlInstant.ToDateTime(Microseconds.ToInstant(Microseconds.Ceiling(from))));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND occurred_at < @to");
            command.Parameters.AddWithValue("to", PostgreSqlInstant.ToDateTime(Microseconds.ToInstant(Microseconds.Ceiling(to))));
        }

        var oldestFirst = query.Order == TimelineOrder.OldestFirst;
        if (after is { } key)
        {
            sql.Append(oldestFirst
                ? " AND (occurred_at, recorded_at, sequence) > (@afterOccurred, @afterRecorded, @afterSequence)"
                : " AND (occurred_at, recorded_at, sequence) < (@afterOccurred, @afterRecorded, @afterSequence)");
            command.Parameters.AddWithValue("afterOccurred", PostgreSqlInstant.ToDateTime(key.OccurredAt));
            command.Parameters.AddWithValue("afterRecorded", PostgreSqlInstant.ToDateTime(key.RecordedAt));
            command.Parameters.AddWithValue("afterSequence", key.Sequence);
        }

        sql.Append(oldestFirst
            ? " ORDER BY occurred_at, recorded_at, sequence LIMIT @limit"
            : " ORDER BY occurred_at DESC, recorded_at DESC, sequence DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", query.PageSize + 1);
        return sql.ToString();
    }

    private static void AddInteraction(NpgsqlCommand command, Interaction interaction)
    {
        command.Parameters.AddWithValue("id", interaction.Id.Value);
        command.Parameters.AddWithValue("customer", interaction.CustomerId.Value);
        command.Parameters.AddWithValue("concern", Value(interaction.ConcernId?.Value));
        command.Parameters.AddWithValue("channel", interaction.Channel.Name);
        command.Parameters.AddWithValue("external", NpgsqlTypes.NpgsqlDbType.Text, Value(interaction.ExternalId));
        command.Parameters.AddWithValue("occurred", PostgreSqlInstant.ToDateTime(interaction.OccurredAt));
        command.Parameters.AddWithValue("recorded", PostgreSqlInstant.ToDateTime(interaction.RecordedAt));
        AddJson(command, "document", InteractionDocument.From(interaction), InteractionsJsonContext.Documents.InteractionDocument);
    }

    private static Interaction ReadInteraction(NpgsqlDataReader reader)
    {
        var concernId = ReadOptionalId(reader, 4);
        return ReadJson(reader, 9, InteractionsJsonContext.Documents.InteractionDocument).ToInteraction(
            new InteractionId(reader.GetGuid(1)),
            version: reader.GetInt64(2),
            sequence: reader.GetInt64(0),
            Channel.Parse(reader.GetString(5)),
            new CustomerId(reader.GetGuid(3)),
            concernId is { } concern ? new ConcernId(concern) : null,
            ReadOptionalString(reader, 6),
            ReadInstant(reader, 7),
            ReadInstant(reader, 8));
    }
}
