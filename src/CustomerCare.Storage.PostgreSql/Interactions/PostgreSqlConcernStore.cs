using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Storage.Interactions;
using Npgsql;
using NpgsqlTypes;
using NodaTime;
using static CustomerCare.Storage.PostgreSql.PostgreSqlInteractionRows;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>The concern store on PostgreSQL, in the table <c>cc_int_concerns</c>, shared by every host instance.</summary>
/// <remarks>
/// <para>
/// Concern numbers come from an identity sequence that starts at 10001, so they are unique, never reused and increase
/// with each creation; a creation that turns out to be a repeat still uses up a number, so numbers can have gaps.
/// Creation is one <c>INSERT ... ON CONFLICT DO NOTHING</c> against the unique idempotency key: when two instances
/// create under one key at the same moment, the second waits for the first transaction and then returns its concern.
/// </para>
/// <para>
/// An update is one conditional <c>UPDATE</c> on the expected version. A concurrent writer of the same concern waits
/// for the row lock, then finds the new version, matches no row and fails with
/// <see cref="ConcurrencyConflictException"/>, so no update is lost. Instants are kept to the microsecond. An
/// idempotency key with the NUL character is rejected, because PostgreSQL text cannot store it. This type is
/// thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlConcernStore : IConcernStore
{
    private const string Columns = "number, id, version, customer_id, status, contact_reason, opened_at, last_activity_at, document";
    private const string Table = "cc_int_concerns";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own writes take their instants from the data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlConcernStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlConcernStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The idempotency key contains the NUL character.</exception>
    public async ValueTask<ConcernCreation> CreateAsync(Concern concern, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireNew(concern, idempotencyKey);
        RejectNul(idempotencyKey, "The idempotency key", nameof(idempotencyKey));

        var draft = Microseconds.Truncate(concern) with { Version = 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The insert skips a row that breaks a unique key; the reads then tell a repeated key from an id conflict.
            var insert = scope.Command(
                $"INSERT INTO {Table} (id, version, customer_id, status, contact_reason, opened_at, last_activity_at, idempotency_key, document) " +
                "VALUES (@id, @version, @customer, @status, @reason, @opened, @activity, @key, @document) ON CONFLICT DO NOTHING RETURNING number");
            AddConcern(insert, draft);
            insert.Parameters.AddWithValue("key", NpgsqlDbType.Text, Value(idempotencyKey));
            if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long number)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ConcernCreation(draft with { Number = number }, AlreadyExisted: false);
            }

            if (idempotencyKey is not null)
            {
                var byKey = scope.Command($"SELECT {Columns} FROM {Table} WHERE idempotency_key = @key");
                byKey.Parameters.AddWithValue("key", idempotencyKey);
                if (await ReadSingleAsync(byKey, ReadConcern, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return new ConcernCreation(existing, AlreadyExisted: true);
                }
            }

            var actual = await ReadVersionAsync(scope, Table, draft.Id.Value, cancellationToken).ConfigureAwait(false);
            throw new ConcurrencyConflictException("Concern", draft.Id.ToString(), 0, actual);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern?> FindAsync(ConcernId id, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            return await ReadSingleAsync(find, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern?> FindByNumberAsync(long number, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE number = @number", connection);
            find.Parameters.AddWithValue("number", number);
            return await ReadSingleAsync(find, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern?> FindActiveByReasonAsync(CustomerId customerId, ContactReason reason, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand(
                $"SELECT {Columns} FROM {Table} WHERE customer_id = @customer AND contact_reason = @reason AND status IN (@open, @resolved) " +
                "ORDER BY last_activity_at DESC, number DESC LIMIT 1",
                connection);
            find.Parameters.AddWithValue("customer", customerId.Value);
            find.Parameters.AddWithValue("reason", reason.Code);
            find.Parameters.AddWithValue("open", (short)ConcernStatus.Open);
            find.Parameters.AddWithValue("resolved", (short)ConcernStatus.Resolved);
            return await ReadSingleAsync(find, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Concern>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand($"SELECT {Columns} FROM {Table} WHERE customer_id = @customer ORDER BY number", connection);
            list.Parameters.AddWithValue("customer", customerId.Value);
            return await ReadAllAsync(list, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern> UpdateAsync(Concern concern, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(concern);

        var stored = Microseconds.Truncate(concern) with { Version = expectedVersion + 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The fixed fields are part of the condition: a write that changes one updates no row.
            var update = scope.Command(
                $"UPDATE {Table} SET version = @version, customer_id = @customer, status = @status, contact_reason = @reason, " +
                "last_activity_at = @activity, document = @document " +
                "WHERE id = @id AND version = @expected AND number = @number AND opened_at = @opened");
            AddConcern(update, stored);
            update.Parameters.AddWithValue("expected", expectedVersion);
            update.Parameters.AddWithValue("number", stored.Number);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var actual = await ReadVersionAsync(scope, Table, stored.Id.Value, cancellationToken).ConfigureAwait(false);
                throw actual == expectedVersion
                    ? StoreArguments.FixedFieldsChanged(concern)
                    : new ConcurrencyConflictException("Concern", stored.Id.ToString(), expectedVersion, actual);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    private static void AddConcern(NpgsqlCommand command, Concern concern)
    {
        command.Parameters.AddWithValue("id", concern.Id.Value);
        command.Parameters.AddWithValue("version", concern.Version);
        command.Parameters.AddWithValue("customer", concern.CustomerId.Value);
        command.Parameters.AddWithValue("status", (short)concern.Status);
        command.Parameters.AddWithValue("reason", NpgsqlDbType.Text, Value(concern.ContactReason?.Code));
        command.Parameters.AddWithValue("opened", PostgreSqlInstant.ToDateTime(concern.OpenedAt));
        command.Parameters.AddWithValue("activity", PostgreSqlInstant.ToDateTime(concern.LastActivityAt));
        AddJson(command, "document", ConcernDocument.From(concern), InteractionsJsonContext.Documents.ConcernDocument);
    }

    private static Concern ReadConcern(NpgsqlDataReader reader)
    {
        var reason = ReadOptionalString(reader, 5);
        return ReadJson(reader, 8, InteractionsJsonContext.Documents.ConcernDocument).ToConcern(
            new ConcernId(reader.GetGuid(1)),
            version: reader.GetInt64(2),
            number: reader.GetInt64(0),
            new CustomerId(reader.GetGuid(3)),
            (ConcernStatus)reader.GetInt16(4),
            reason is null ? null : ContactReason.Parse(reason),
            ReadInstant(reader, 6),
            ReadInstant(reader, 7));
    }
}
