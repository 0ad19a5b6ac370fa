using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Storage.Interactions;
using Microsoft.Data.Sqlite;
using NodaTime;
using static CustomerCare.Storage.Sqlite.SqliteInteractionRows;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The concern store on SQLite, in the table <c>cc_int_concerns</c>.</summary>
/// <remarks>
/// Concern numbers are the table's <c>AUTOINCREMENT</c> rowid, starting at 10001, so they are unique, never reused and
/// increase with each creation. Creation is idempotent through a unique index on the idempotency key. Instants are kept
/// to the microsecond. This type is thread-safe.
/// </remarks>
public sealed class SqliteConcernStore : IConcernStore
{
    private const string Columns = "number, id, version, customer_id, status, contact_reason, opened_at, last_activity_at, document";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own writes take their instants from the data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    public SqliteConcernStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteConcernStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<ConcernCreation> CreateAsync(Concern concern, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireNew(concern, idempotencyKey);

        var draft = Microseconds.Truncate(concern) with { Version = 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The insert skips a row that breaks a unique key; the reads then tell a repeated key from an id conflict.
            var insert = scope.Command(
                "INSERT INTO cc_int_concerns (id, version, customer_id, status, contact_reason, opened_at, last_activity_at, idempotency_key, document) " +
                "VALUES ($id, $version, $customer, $status, $reason, $opened, $activity, $key, $document) ON CONFLICT DO NOTHING RETURNING number");
            AddConcern(insert, draft);
            insert.Parameters.AddWithValue("$key", Value(idempotencyKey));
            if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long number)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ConcernCreation(draft with { Number = number }, AlreadyExisted: false);
            }

            if (idempotencyKey is not null)
            {
                var byKey = scope.Command($"SELECT {Columns} FROM cc_int_concerns WHERE idempotency_key = $key");
                byKey.Parameters.AddWithValue("$key", idempotencyKey);
                if (await ReadSingleAsync(byKey, ReadConcern, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return new ConcernCreation(existing, AlreadyExisted: true);
                }
            }

            throw new ConcurrencyConflictException("Concern", draft.Id.ToString(), 0, await ReadVersionAsync(scope, draft.Id, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern?> FindAsync(ConcernId id, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(connection, $"SELECT {Columns} FROM cc_int_concerns WHERE id = $id");
            find.Parameters.AddWithValue("$id", Id(id.Value));
            return await ReadSingleAsync(find, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern?> FindByNumberAsync(long number, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(connection, $"SELECT {Columns} FROM cc_int_concerns WHERE number = $number");
            find.Parameters.AddWithValue("$number", number);
            return await ReadSingleAsync(find, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Concern?> FindActiveByReasonAsync(CustomerId customerId, ContactReason reason, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(
                connection,
                $"SELECT {Columns} FROM cc_int_concerns WHERE customer_id = $customer AND contact_reason = $reason AND status IN ($open, $resolved) " +
                "ORDER BY last_activity_at DESC, number DESC LIMIT 1");
            find.Parameters.AddWithValue("$customer", Id(customerId.Value));
            find.Parameters.AddWithValue("$reason", reason.Code);
            find.Parameters.AddWithValue("$open", (int)ConcernStatus.Open);
            find.Parameters.AddWithValue("$resolved", (int)ConcernStatus.Resolved);
            return await ReadSingleAsync(find, ReadConcern, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Concern>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = Command(connection, $"SELECT {Columns} FROM cc_int_concerns WHERE customer_id = $customer ORDER BY number");
            list.Parameters.AddWithValue("$customer", Id(customerId.Value));
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
                "UPDATE cc_int_concerns SET version = $version, customer_id = $customer, status = $status, contact_reason = $reason, " +
                "last_activity_at = $activity, document = $document " +
                "WHERE id = $id AND version = $expected AND number = $number AND opened_at = $opened");
            AddConcern(update, stored);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            update.Parameters.AddWithValue("$number", stored.Number);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var actual = await ReadVersionAsync(scope, stored.Id, cancellationToken).ConfigureAwait(false);
                throw actual == expectedVersion
                    ? StoreArguments.FixedFieldsChanged(concern)
                    : new ConcurrencyConflictException("Concern", stored.Id.ToString(), expectedVersion, actual);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    private static void AddConcern(SqliteCommand command, Concern concern)
    {
        command.Parameters.AddWithValue("$id", Id(concern.Id.Value));
        command.Parameters.AddWithValue("$version", concern.Version);
        command.Parameters.AddWithValue("$customer", Id(concern.CustomerId.Value));
        command.Parameters.AddWithValue("$status", (int)concern.Status);
        command.Parameters.AddWithValue("$reason", Value(concern.ContactReason?.Code));
        command.Parameters.AddWithValue("$opened", SqliteInstant.ToMicroseconds(concern.OpenedAt));
        command.Parameters.AddWithValue("$activity", SqliteInstant.ToMicroseconds(concern.LastActivityAt));
        command.Parameters.AddWithValue("$document", Write(ConcernDocument.From(concern), InteractionsJsonContext.Documents.ConcernDocument));
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, ConcernId id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_int_concerns WHERE id = $id");
        read.Parameters.AddWithValue("$id", Id(id.Value));
        return (long?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Concern ReadConcern(SqliteDataReader reader)
    {
        var reason = ReadOptionalString(reader, 5);
        return Read(reader, 8, InteractionsJsonContext.Documents.ConcernDocument).ToConcern(
            new ConcernId(ReadId(reader, 1)),
            version: reader.GetInt64(2),
            number: reader.GetInt64(0),
            new CustomerId(ReadId(reader, 3)),
            (ConcernStatus)reader.GetInt32(4),
            reason is null ? null : ContactReason.Parse(reason),
            SqliteInstant.FromMicroseconds(reader.GetInt64(6)),
            SqliteInstant.FromMicroseconds(reader.GetInt64(7)));
    }
}
