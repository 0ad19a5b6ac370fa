using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;
using CustomerCare.Storage.Interactions;
using Microsoft.Data.Sqlite;
using NodaTime;
using static CustomerCare.Storage.Sqlite.SqliteInteractionRows;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// The customer store on SQLite, in the tables <c>cc_int_customers</c>, <c>cc_int_contact_points</c>,
/// <c>cc_int_customer_merges</c> and <c>cc_int_consent</c>.
/// </summary>
/// <remarks>
/// Every write runs in one <c>BEGIN IMMEDIATE</c> transaction, so the version check, the contact point check and the
/// write are atomic for every connection and process on the database. The contact points of active customers are rows
/// of their own under a unique index, and a merged or erased customer has none, which frees its points. Instants are
/// kept to the microsecond. This type is thread-safe.
/// </remarks>
public sealed class SqliteCustomerStore : ICustomerStore
{
    private const string Columns = "c.id, c.version, c.created_at, c.merged_into, c.erased_at, c.document";
    private const string MergeColumns = "id, version, survivor_id, merged_id, merged_at, document";
    private const string ConsentColumns = "customer_id, purpose, channel, status, at, source, text_version";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own writes take their instants from the data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    public SqliteCustomerStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteCustomerStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireNew(customer);

        var stored = Microseconds.Truncate(customer) with { Version = 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var insert = scope.Command(
                "INSERT INTO cc_int_customers (id, version, created_at, merged_into, erased_at, document) " +
                "VALUES ($id, $version, $created, $merged, $erased, $document) ON CONFLICT (id) DO NOTHING");
            AddCustomer(insert, stored);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var actual = await ReadVersionAsync(scope, stored.Id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException("Customer", stored.Id.ToString(), 0, actual);
            }

            await WriteContactPointsAsync(scope, stored, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Customer> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(customer);

        var stored = Microseconds.Truncate(customer) with { Version = expectedVersion + 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var update = scope.Command(
                "UPDATE cc_int_customers SET version = $version, merged_into = $merged, erased_at = $erased, document = $document " +
                "WHERE id = $id AND version = $expected AND created_at = $created");
            AddCustomer(update, stored);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var read = scope.Command("SELECT version FROM cc_int_customers WHERE id = $id");
                read.Parameters.AddWithValue("$id", Id(stored.Id.Value));
                var actual = (long?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                throw actual == expectedVersion
                    ? StoreArguments.CreatedAtChanged(customer)
                    : new ConcurrencyConflictException("Customer", stored.Id.ToString(), expectedVersion, actual);
            }

            var delete = scope.Command("DELETE FROM cc_int_contact_points WHERE customer_id = $id");
            delete.Parameters.AddWithValue("$id", Id(stored.Id.Value));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await WriteContactPointsAsync(scope, stored, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(connection, $"SELECT {Columns} FROM cc_int_customers c WHERE c.id = $id");
            find.Parameters.AddWithValue("$id", Id(id.Value));
            return await ReadSingleAsync(find, ReadCustomer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Customer?> FindByContactPointAsync(ContactPoint contactPoint, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireKind(contactPoint);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A shared postal address has several rows; the customer with the lowest id was created first.
            var find = Command(
                connection,
                $"SELECT {Columns} FROM cc_int_contact_points p JOIN cc_int_customers c ON c.id = p.customer_id " +
                "WHERE p.kind = $kind AND p.scope = $scope AND p.value = $value ORDER BY p.customer_id LIMIT 1");
            find.Parameters.AddWithValue("$kind", (int)contactPoint.Kind);
            find.Parameters.AddWithValue("$scope", contactPoint.Scope ?? string.Empty);
            find.Parameters.AddWithValue("$value", contactPoint.Value);
            return await ReadSingleAsync(find, ReadCustomer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Customer>> FindByLooseValueAsync(ContactPointKind kind, string looseValue, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(looseValue);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(
                connection,
                $"SELECT {Columns} FROM cc_int_customers c WHERE c.id IN " +
                "(SELECT customer_id FROM cc_int_contact_points WHERE kind = $kind AND loose_value = $loose) ORDER BY c.id");
            find.Parameters.AddWithValue("$kind", (int)kind);
            find.Parameters.AddWithValue("$loose", looseValue);
            return await ReadAllAsync(find, ReadCustomer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<CustomerMerge> SaveMergeAsync(CustomerMerge merge, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(merge);

        var stored = Microseconds.Truncate(merge) with { Version = expectedVersion + 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = scope.Command(expectedVersion == 0
                ? "INSERT INTO cc_int_customer_merges (id, version, survivor_id, merged_id, merged_at, document) " +
                  "VALUES ($id, $version, $survivor, $merged, $at, $document) ON CONFLICT (id) DO NOTHING"
                : "UPDATE cc_int_customer_merges SET version = $version, survivor_id = $survivor, merged_id = $merged, merged_at = $at, " +
                  "document = $document WHERE id = $id AND version = $expected");
            write.Parameters.AddWithValue("$id", Id(stored.Id.Value));
            write.Parameters.AddWithValue("$version", stored.Version);
            write.Parameters.AddWithValue("$expected", expectedVersion);
            write.Parameters.AddWithValue("$survivor", Id(stored.SurvivorId.Value));
            write.Parameters.AddWithValue("$merged", Id(stored.MergedId.Value));
            write.Parameters.AddWithValue("$at", SqliteInstant.ToMicroseconds(stored.MergedAt));
            write.Parameters.AddWithValue("$document", Write(MergeDocument.From(stored), InteractionsJsonContext.Documents.MergeDocument));
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var read = scope.Command("SELECT version FROM cc_int_customer_merges WHERE id = $id");
                read.Parameters.AddWithValue("$id", Id(stored.Id.Value));
                var actual = (long?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException("CustomerMerge", stored.Id.ToString(), expectedVersion, actual);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<CustomerMerge?> FindMergeAsync(CustomerMergeId id, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = Command(connection, $"SELECT {MergeColumns} FROM cc_int_customer_merges WHERE id = $id");
            find.Parameters.AddWithValue("$id", Id(id.Value));
            return await ReadSingleAsync(find, ReadMerge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CustomerMerge>> ListMergesAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = Command(
                connection,
                $"SELECT {MergeColumns} FROM cc_int_customer_merges WHERE survivor_id = $customer OR merged_id = $customer ORDER BY merged_at, id");
            list.Parameters.AddWithValue("$customer", Id(customerId.Value));
            return await ReadAllAsync(list, ReadMerge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var append = scope.Command(
                $"INSERT INTO cc_int_consent ({ConsentColumns}) VALUES ($customer, $purpose, $channel, $status, $at, $source, $text) ON CONFLICT DO NOTHING");
            append.Parameters.AddWithValue("$customer", Id(entry.CustomerId.Value));
            append.Parameters.AddWithValue("$purpose", entry.Purpose);
            append.Parameters.AddWithValue("$channel", entry.Channel.Name);
            append.Parameters.AddWithValue("$status", (int)entry.Status);
            append.Parameters.AddWithValue("$at", SqliteInstant.ToMicroseconds(entry.At));
            append.Parameters.AddWithValue("$source", entry.Source);
            append.Parameters.AddWithValue("$text", Value(entry.TextVersion));
            var appended = await append.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return appended;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ConsentEntry>> ListConsentAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = Command(connection, $"SELECT {ConsentColumns} FROM cc_int_consent WHERE customer_id = $customer ORDER BY position");
            list.Parameters.AddWithValue("$customer", Id(customerId.Value));
            return await ReadAllAsync(list, ReadConsent, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddCustomer(SqliteCommand command, Customer customer)
    {
        command.Parameters.AddWithValue("$id", Id(customer.Id.Value));
        command.Parameters.AddWithValue("$version", customer.Version);
        command.Parameters.AddWithValue("$created", SqliteInstant.ToMicroseconds(customer.CreatedAt));
        command.Parameters.AddWithValue("$merged", Id(customer.MergedInto?.Value));
        command.Parameters.AddWithValue("$erased", Value(customer.ErasedAt is { } erasedAt ? SqliteInstant.ToMicroseconds(erasedAt) : null));
        command.Parameters.AddWithValue("$document", Write(CustomerDocument.From(customer), InteractionsJsonContext.Documents.CustomerDocument));
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, CustomerId id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_int_customers WHERE id = $id");
        read.Parameters.AddWithValue("$id", Id(id.Value));
        return (long?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    // Runs inside the write transaction, which holds the database's write lock, so no other writer can take a
    // contact point between the check and the insert.
    private static async Task WriteContactPointsAsync(SqliteDatabase.WriteScope scope, Customer customer, CancellationToken cancellationToken)
    {
        if (!customer.IsActive || customer.ContactPoints.Count == 0)
        {
            return;
        }

        var owner = scope.Command(
            "SELECT customer_id FROM cc_int_contact_points WHERE kind = $kind AND scope = $scope AND value = $value AND customer_id <> $id LIMIT 1");
        var insert = scope.Command(
            "INSERT INTO cc_int_contact_points (customer_id, kind, scope, value, loose_value) VALUES ($id, $kind, $scope, $value, $loose)");
        foreach (var point in customer.ContactPoints)
        {
            if (point.Kind != ContactPointKind.PostalAddress)
            {
                owner.Parameters.Clear();
                AddContactPoint(owner, customer.Id, point);
                if (await owner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] ownerId)
                {
                    throw new ContactPointInUseException(point.Kind, new CustomerId(new Guid(ownerId, bigEndian: true)), customer.Id);
                }
            }

            insert.Parameters.Clear();
            AddContactPoint(insert, customer.Id, point);
            insert.Parameters.AddWithValue("$loose", Value(point.LooseValue));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddContactPoint(SqliteCommand command, CustomerId customerId, ContactPoint point)
    {
        command.Parameters.AddWithValue("$id", Id(customerId.Value));
        command.Parameters.AddWithValue("$kind", (int)point.Kind);
        command.Parameters.AddWithValue("$scope", point.Scope ?? string.Empty);
        command.Parameters.AddWithValue("$value", point.Value);
    }

    private static Customer ReadCustomer(SqliteDataReader reader)
    {
        var document = Read(reader, 5, InteractionsJsonContext.Documents.CustomerDocument);
        var mergedInto = ReadOptionalId(reader, 3);
        var erasedAt = ReadOptionalInt64(reader, 4);
        return document.ToCustomer(
            new CustomerId(ReadId(reader, 0)),
            reader.GetInt64(1),
            SqliteInstant.FromMicroseconds(reader.GetInt64(2)),
            mergedInto is { } merged ? new CustomerId(merged) : null,
            erasedAt is { } erased ? SqliteInstant.FromMicroseconds(erased) : null);
    }

    private static CustomerMerge ReadMerge(SqliteDataReader reader) =>
        Read(reader, 5, InteractionsJsonContext.Documents.MergeDocument).ToMerge(
            new CustomerMergeId(ReadId(reader, 0)),
            reader.GetInt64(1),
            new CustomerId(ReadId(reader, 2)),
            new CustomerId(ReadId(reader, 3)),
            SqliteInstant.FromMicroseconds(reader.GetInt64(4)));

    private static ConsentEntry ReadConsent(SqliteDataReader reader) => new(
        new CustomerId(ReadId(reader, 0)),
        reader.GetString(1),
        Channel.Parse(reader.GetString(2)),
        (ConsentStatus)reader.GetInt32(3),
        SqliteInstant.FromMicroseconds(reader.GetInt64(4)),
        reader.GetString(5),
        ReadOptionalString(reader, 6));
}
