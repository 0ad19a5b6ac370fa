using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;
using CustomerCare.Storage.Interactions;
using Npgsql;
using NpgsqlTypes;
using NodaTime;
using static CustomerCare.Storage.PostgreSql.PostgreSqlInteractionRows;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The customer store on PostgreSQL, in the tables <c>cc_int_customers</c>, <c>cc_int_contact_points</c>,
/// <c>cc_int_customer_merges</c> and <c>cc_int_consent</c>, shared by every host instance.
/// </summary>
/// <remarks>
/// <para>
/// Every write runs in one read-committed transaction. The contact points of active customers are rows of their own
/// under a unique index, and a merged or erased customer has none, which frees its points. A contact point is inserted
/// with <c>ON CONFLICT DO NOTHING</c>: when another instance adds the same point at the same moment, the insert waits
/// for that transaction, and if it committed, this write fails with <see cref="ContactPointInUseException"/> and stores
/// nothing. The points are inserted sorted by kind, scope and value, so two writers that add the same points wait for each other
/// instead of deadlocking.
/// </para>
/// <para>
/// Instants are kept to the microsecond. Contact point values and consent text versions with the NUL character are
/// rejected, because PostgreSQL text cannot store it. This type is thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlCustomerStore : ICustomerStore
{
    private const string Columns = "c.id, c.version, c.created_at, c.merged_into, c.erased_at, c.document";
    private const string MergeColumns = "id, version, survivor_id, merged_id, merged_at, document";
    private const string ConsentColumns = "customer_id, purpose, channel, status, at, source, text_version";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store's own writes take their instants from the data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlCustomerStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlCustomerStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A contact point contains the NUL character.</exception>
    public async ValueTask<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireNew(customer);
        RejectNulInContactPoints(customer);

        var stored = Microseconds.Truncate(customer) with { Version = 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var insert = scope.Command(
                "INSERT INTO cc_int_customers (id, version, created_at, merged_into, erased_at, document) " +
                "VALUES (@id, @version, @created, @merged, @erased, @document) ON CONFLICT (id) DO NOTHING");
            AddCustomer(insert, stored);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var actual = await ReadVersionAsync(scope, "cc_int_customers", stored.Id.Value, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException("Customer", stored.Id.ToString(), 0, actual);
            }

            await WriteContactPointsAsync(scope, stored, cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A contact point contains the NUL character.</exception>
    public async ValueTask<Customer> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(customer);
        RejectNulInContactPoints(customer);

        var stored = Microseconds.Truncate(customer) with { Version = expectedVersion + 1 };
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var update = scope.Command(
                "UPDATE cc_int_customers SET version = @version, merged_into = @merged, erased_at = @erased, document = @document " +
                "WHERE id = @id AND version = @expected AND created_at = @created");
            AddCustomer(update, stored);
            update.Parameters.AddWithValue("expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var actual = await ReadVersionAsync(scope, "cc_int_customers", stored.Id.Value, cancellationToken).ConfigureAwait(false);
                throw actual == expectedVersion
                    ? StoreArguments.CreatedAtChanged(customer)
                    : new ConcurrencyConflictException("Customer", stored.Id.ToString(), expectedVersion, actual);
            }

            // The updated row stays locked until commit, so no other write of this customer runs in between.
            var delete = scope.Command("DELETE FROM cc_int_contact_points WHERE customer_id = @id");
            delete.Parameters.AddWithValue("id", stored.Id.Value);
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
            var find = new NpgsqlCommand($"SELECT {Columns} FROM cc_int_customers c WHERE c.id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            return await ReadSingleAsync(find, ReadCustomer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Customer?> FindByContactPointAsync(ContactPoint contactPoint, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireKind(contactPoint);
        if (HasNul(contactPoint.Value) || (contactPoint.Scope is { } scope && HasNul(scope)))
        {
            // A write rejects such a point, so no customer can have it.
            return null;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A shared postal address has several rows. The lowest id comes first: ids from CustomerId.New are version 7
            // UUIDs, which sort by creation time.
            var find = new NpgsqlCommand(
                $"SELECT {Columns} FROM cc_int_contact_points p JOIN cc_int_customers c ON c.id = p.customer_id " +
                "WHERE p.kind = @kind AND p.scope = @scope AND p.value = @value ORDER BY p.customer_id LIMIT 1",
                connection);
            AddContactPoint(find, contactPoint);
            return await ReadSingleAsync(find, ReadCustomer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Customer>> FindByLooseValueAsync(ContactPointKind kind, string looseValue, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(looseValue);
        if (HasNul(looseValue))
        {
            return [];
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand(
                $"SELECT {Columns} FROM cc_int_customers c WHERE c.id IN " +
                "(SELECT customer_id FROM cc_int_contact_points WHERE kind = @kind AND loose_value = @loose) ORDER BY c.id",
                connection);
            find.Parameters.AddWithValue("kind", (short)kind);
            find.Parameters.AddWithValue("loose", looseValue);
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
                  "VALUES (@id, @version, @survivor, @merged, @at, @document) ON CONFLICT (id) DO NOTHING"
                : "UPDATE cc_int_customer_merges SET version = @version, survivor_id = @survivor, merged_id = @merged, merged_at = @at, " +
                  "document = @document WHERE id = @id AND version = @expected");
            write.Parameters.AddWithValue("id", stored.Id.Value);
            write.Parameters.AddWithValue("version", stored.Version);
            write.Parameters.AddWithValue("expected", expectedVersion);
            write.Parameters.AddWithValue("survivor", stored.SurvivorId.Value);
            write.Parameters.AddWithValue("merged", stored.MergedId.Value);
            write.Parameters.AddWithValue("at", PostgreSqlInstant.ToDateTime(stored.MergedAt));
            AddJson(write, "document", MergeDocument.From(stored), InteractionsJsonContext.Documents.MergeDocument);
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var actual = await ReadVersionAsync(scope, "cc_int_customer_merges", stored.Id.Value, cancellationToken).ConfigureAwait(false);
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
            var find = new NpgsqlCommand($"SELECT {MergeColumns} FROM cc_int_customer_merges WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            return await ReadSingleAsync(find, ReadMerge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CustomerMerge>> ListMergesAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand(
                $"SELECT {MergeColumns} FROM cc_int_customer_merges WHERE survivor_id = @customer OR merged_id = @customer ORDER BY merged_at, id",
                connection);
            list.Parameters.AddWithValue("customer", customerId.Value);
            return await ReadAllAsync(list, ReadMerge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The text version contains the NUL character.</exception>
    public async ValueTask<bool> AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        PostgreSqlInteractionRows.RejectNul(entry.TextVersion, "The consent text version", nameof(entry));

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement is atomic on its own; the unique index turns a repeated entry into a no-op.
            var append = new NpgsqlCommand(
                $"INSERT INTO cc_int_consent ({ConsentColumns}) VALUES (@customer, @purpose, @channel, @status, @at, @source, @text) ON CONFLICT DO NOTHING",
                connection);
            append.Parameters.AddWithValue("customer", entry.CustomerId.Value);
            append.Parameters.AddWithValue("purpose", entry.Purpose);
            append.Parameters.AddWithValue("channel", entry.Channel.Name);
            append.Parameters.AddWithValue("status", (short)entry.Status);
            append.Parameters.AddWithValue("at", PostgreSqlInstant.ToDateTime(entry.At));
            append.Parameters.AddWithValue("source", entry.Source);
            append.Parameters.AddWithValue("text", NpgsqlDbType.Text, Value(entry.TextVersion));
            return await append.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ConsentEntry>> ListConsentAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand($"SELECT {ConsentColumns} FROM cc_int_consent WHERE customer_id = @customer ORDER BY position", connection);
            list.Parameters.AddWithValue("customer", customerId.Value);
            return await ReadAllAsync(list, ReadConsent, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void RejectNulInContactPoints(Customer customer)
    {
        foreach (var point in customer.ContactPoints)
        {
            PostgreSqlInteractionRows.RejectNul(point.Value, $"A contact point of customer {customer.Id}", nameof(customer));
            PostgreSqlInteractionRows.RejectNul(point.Scope, $"The scope of a contact point of customer {customer.Id}", nameof(customer));
            PostgreSqlInteractionRows.RejectNul(point.LooseValue, $"The loose value of a contact point of customer {customer.Id}", nameof(customer));
        }
    }

    private static void AddCustomer(NpgsqlCommand command, Customer customer)
    {
        command.Parameters.AddWithValue("id", customer.Id.Value);
        command.Parameters.AddWithValue("version", customer.Version);
        command.Parameters.AddWithValue("created", PostgreSqlInstant.ToDateTime(customer.CreatedAt));
        command.Parameters.AddWithValue("merged", NpgsqlDbType.Uuid, Value(customer.MergedInto?.Value));
        command.Parameters.AddWithValue("erased", NpgsqlDbType.TimestampTz, Value(customer.ErasedAt));
        AddJson(command, "document", CustomerDocument.From(customer), InteractionsJsonContext.Documents.CustomerDocument);
    }

    // The insert of a point that another active customer has waits for that customer's transaction and then inserts
    // nothing. The owner query that follows reads the committed owner.
    private static async Task WriteContactPointsAsync(PostgreSqlDatabase.WriteScope scope, Customer customer, CancellationToken cancellationToken)
    {
        if (!customer.IsActive || customer.ContactPoints.Count == 0)
        {
            return;
        }

        var points = customer.ContactPoints
            .OrderBy(p => p.Kind)
            .ThenBy(p => p.Scope ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        foreach (var point in points)
        {
            var insert = scope.Command(
                "INSERT INTO cc_int_contact_points (customer_id, kind, scope, value, loose_value) VALUES (@id, @kind, @scope, @value, @loose) " +
                "ON CONFLICT DO NOTHING");
            insert.Parameters.AddWithValue("id", customer.Id.Value);
            AddContactPoint(insert, point);
            insert.Parameters.AddWithValue("loose", NpgsqlDbType.Text, Value(point.LooseValue));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                continue;
            }

            var owner = scope.Command(
                "SELECT customer_id FROM cc_int_contact_points WHERE kind = @kind AND scope = @scope AND value = @value AND customer_id <> @id LIMIT 1");
            owner.Parameters.AddWithValue("id", customer.Id.Value);
            AddContactPoint(owner, point);
            if (await owner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is Guid ownerId)
            {
                throw new ContactPointInUseException(point.Kind, new CustomerId(ownerId), customer.Id);
            }
        }
    }

    private static void AddContactPoint(NpgsqlCommand command, ContactPoint point)
    {
        command.Parameters.AddWithValue("kind", (short)point.Kind);
        command.Parameters.AddWithValue("scope", point.Scope ?? string.Empty);
        command.Parameters.AddWithValue("value", point.Value);
    }

    private static Customer ReadCustomer(NpgsqlDataReader reader)
    {
        var mergedInto = ReadOptionalId(reader, 3);
        return ReadJson(reader, 5, InteractionsJsonContext.Documents.CustomerDocument).ToCustomer(
            new CustomerId(reader.GetGuid(0)),
            reader.GetInt64(1),
            ReadInstant(reader, 2),
            mergedInto is { } merged ? new CustomerId(merged) : null,
            ReadOptionalInstant(reader, 4));
    }

    private static CustomerMerge ReadMerge(NpgsqlDataReader reader) =>
        ReadJson(reader, 5, InteractionsJsonContext.Documents.MergeDocument).ToMerge(
            new CustomerMergeId(reader.GetGuid(0)),
            reader.GetInt64(1),
            new CustomerId(reader.GetGuid(2)),
            new CustomerId(reader.GetGuid(3)),
            ReadInstant(reader, 4));

    private static ConsentEntry ReadConsent(NpgsqlDataReader reader) => new(
        new CustomerId(reader.GetGuid(0)),
        reader.GetString(1),
        Channel.Parse(reader.GetString(2)),
        (ConsentStatus)reader.GetInt16(3),
        ReadInstant(reader, 4),
        reader.GetString(5),
        ReadOptionalString(reader, 6));
}
