using System.Diagnostics.CodeAnalysis;
using CustomerCare.DueWork;
using Npgsql;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>The due-work queue on PostgreSQL, in the table <c>cc_work_items</c>, shared by every host instance.</summary>
/// <remarks>
/// Leasing selects due rows with <c>FOR UPDATE SKIP LOCKED</c>, so instances that sweep at the same moment take
/// disjoint items without waiting for each other and without a leader. A lease has an owner and an end; the items of
/// an instance that crashed come back when their leases end. "Now" always comes from the caller, never from the
/// server's <c>now()</c>. This type is thread-safe.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Implements IWorkQueue, whose name it follows.")]
public sealed class PostgreSqlWorkQueue : IWorkQueue
{
    private const short Pending = 0;
    private const short Completed = 1;
    private const short Cancelled = 2;

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new queue on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the queue's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlWorkQueue(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlWorkQueue(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<ScheduleOutcome> ScheduleAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(item);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var dueAt = PostgreSqlInstant.ToDateTime(item.DueAt);
            var insert = scope.Command(
                "INSERT INTO cc_work_items (key, kind, due_at, payload) VALUES (@key, @kind, @due, @payload) ON CONFLICT (key) DO NOTHING");
            AddItem(insert, item, dueAt);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ScheduleOutcome.Added;
            }

            // The row exists; lock it so a concurrent update of the same key waits for this one.
            var read = scope.Command("SELECT kind, due_at, payload, status FROM cc_work_items WHERE key = @key FOR UPDATE");
            read.Parameters.AddWithValue("key", item.Key);
            ScheduleOutcome outcome;
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                outcome = reader.GetInt16(3) != Pending
                    ? ScheduleOutcome.AlreadyFinished
                    : reader.GetString(0) == item.Kind && reader.GetDateTime(1) == dueAt && reader.GetString(2) == item.Payload
                        ? ScheduleOutcome.Unchanged
                        : ScheduleOutcome.Updated;
            }

            if (outcome == ScheduleOutcome.Updated)
            {
                var update = scope.Command("UPDATE cc_work_items SET kind = @kind, due_at = @due, payload = @payload WHERE key = @key");
                AddItem(update, item, dueAt);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(key);

        return await ExecuteChangeAsync(
            "UPDATE cc_work_items SET status = @cancelled, finished_at = COALESCE(leased_until, due_at), lease_owner = NULL, leased_until = NULL " +
            "WHERE key = @key AND status = @pending",
            command =>
            {
                command.Parameters.AddWithValue("cancelled", Cancelled);
                command.Parameters.AddWithValue("pending", Pending);
                command.Parameters.AddWithValue("key", key);
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<LeasedWorkItem>> LeaseAsync(
        Instant now,
        string owner,
        Duration leaseDuration,
        int maxItems,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(owner);
        Guard.Positive(leaseDuration);
        Guard.InRange(maxItems, 1, int.MaxValue);

        var until = PostgreSqlInstant.ToDateTime(now + leaseDuration);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var lease = scope.Command(
                "UPDATE cc_work_items w SET lease_owner = @owner, leased_until = @until, attempts = w.attempts + 1 " +
                "FROM (SELECT key FROM cc_work_items WHERE status = @pending AND due_at <= @now " +
                "AND (leased_until IS NULL OR leased_until <= @now) ORDER BY due_at, key LIMIT @max FOR UPDATE SKIP LOCKED) due " +
                "WHERE w.key = due.key RETURNING w.key, w.kind, w.due_at, w.payload, w.attempts");
            lease.Parameters.AddWithValue("owner", owner);
            lease.Parameters.AddWithValue("until", until);
            lease.Parameters.AddWithValue("pending", Pending);
            lease.Parameters.AddWithValue("now", PostgreSqlInstant.ToDateTime(now));
            lease.Parameters.AddWithValue("max", maxItems);

            var leased = new List<LeasedWorkItem>();
            var reader = await lease.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var item = new WorkItem(reader.GetString(0), reader.GetString(1), PostgreSqlInstant.FromDateTime(reader.GetDateTime(2)), reader.GetString(3));
                    leased.Add(new LeasedWorkItem(item, owner, PostgreSqlInstant.FromDateTime(until), reader.GetInt32(4)));
                }
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);

            // RETURNING gives rows in no defined order.
            leased.Sort(static (x, y) =>
            {
                var byDue = x.Item.DueAt.CompareTo(y.Item.DueAt);
                return byDue != 0 ? byDue : string.CompareOrdinal(x.Item.Key, y.Item.Key);
            });
            return leased;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> CompleteAsync(LeasedWorkItem lease, Instant now, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(lease);

        return await ExecuteChangeAsync(
            "UPDATE cc_work_items SET status = @completed, finished_at = @now, lease_owner = NULL, leased_until = NULL " +
            "WHERE key = @key AND status = @pending AND lease_owner = @owner AND attempts = @attempt",
            command =>
            {
                command.Parameters.AddWithValue("completed", Completed);
                command.Parameters.AddWithValue("now", PostgreSqlInstant.ToDateTime(now));
                AddLease(command, lease);
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ReleaseAsync(LeasedWorkItem lease, Instant retryAt, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(lease);

        return await ExecuteChangeAsync(
            "UPDATE cc_work_items SET due_at = @retry, lease_owner = NULL, leased_until = NULL " +
            "WHERE key = @key AND status = @pending AND lease_owner = @owner AND attempts = @attempt",
            command =>
            {
                command.Parameters.AddWithValue("retry", PostgreSqlInstant.ToDateTime(retryAt));
                AddLease(command, lease);
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<Instant?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var next = new NpgsqlCommand(
                "SELECT MIN(GREATEST(due_at, COALESCE(leased_until, due_at))) FROM cc_work_items WHERE status = @pending",
                connection);
            next.Parameters.AddWithValue("pending", Pending);
            var value = await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DateTime at ? PostgreSqlInstant.FromDateTime(at) : null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeFinishedAsync(Instant finishedBefore, CancellationToken cancellationToken = default)
    {
        return await ExecuteChangeAsync(
            "DELETE FROM cc_work_items WHERE status <> @pending AND finished_at < @before",
            command =>
            {
                command.Parameters.AddWithValue("pending", Pending);
                command.Parameters.AddWithValue("before", PostgreSqlInstant.ToDateTime(finishedBefore));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteChangeAsync(string sql, Action<NpgsqlCommand> addParameters, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            addParameters(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddItem(NpgsqlCommand command, WorkItem item, DateTime dueAt)
    {
        command.Parameters.AddWithValue("key", item.Key);
        command.Parameters.AddWithValue("kind", item.Kind);
        command.Parameters.AddWithValue("due", dueAt);
        command.Parameters.AddWithValue("payload", item.Payload);
    }

    private static void AddLease(NpgsqlCommand command, LeasedWorkItem lease)
    {
        command.Parameters.AddWithValue("key", lease.Item.Key);
        command.Parameters.AddWithValue("pending", Pending);
        command.Parameters.AddWithValue("owner", lease.Owner);
        command.Parameters.AddWithValue("attempt", lease.Attempt);
    }
}
