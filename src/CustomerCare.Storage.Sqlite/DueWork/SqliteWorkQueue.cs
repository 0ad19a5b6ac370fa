using System.Diagnostics.CodeAnalysis;
using CustomerCare.DueWork;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The due-work queue on SQLite, in the table <c>cc_work_items</c>.</summary>
/// <remarks>
/// Every write runs in a <c>BEGIN IMMEDIATE</c> transaction, so concurrent callers in one process or several are
/// serialized by SQLite's write lock and the contract of <see cref="IWorkQueue"/> holds. This type is thread-safe.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Implements IWorkQueue, whose name it follows.")]
public sealed class SqliteWorkQueue : IWorkQueue
{
    private const int Pending = 0;
    private const int Completed = 1;
    private const int Cancelled = 2;

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new queue on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the queue's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    public SqliteWorkQueue(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteWorkQueue(SqliteDatabase database)
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
            var dueAt = SqliteInstant.ToMicroseconds(item.DueAt);
            var insert = scope.Command(
                "INSERT INTO cc_work_items (key, kind, due_at, payload) VALUES ($key, $kind, $due, $payload) ON CONFLICT (key) DO NOTHING");
            AddItem(insert, item, dueAt);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ScheduleOutcome.Added;
            }

            var read = scope.Command("SELECT kind, due_at, payload, status FROM cc_work_items WHERE key = $key");
            read.Parameters.AddWithValue("$key", item.Key);
            ScheduleOutcome outcome;
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                outcome = reader.GetInt32(3) != Pending
                    ? ScheduleOutcome.AlreadyFinished
                    : reader.GetString(0) == item.Kind && reader.GetInt64(1) == dueAt && reader.GetString(2) == item.Payload
                        ? ScheduleOutcome.Unchanged
                        : ScheduleOutcome.Updated;
            }

            if (outcome == ScheduleOutcome.Updated)
            {
                var update = scope.Command("UPDATE cc_work_items SET kind = $kind, due_at = $due, payload = $payload WHERE key = $key");
                AddItem(update, item, dueAt);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(key);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var cancel = scope.Command(
                "UPDATE cc_work_items SET status = $cancelled, finished_at = COALESCE(leased_until, due_at), lease_owner = NULL, leased_until = NULL " +
                "WHERE key = $key AND status = $pending");
            cancel.Parameters.AddWithValue("$cancelled", Cancelled);
            cancel.Parameters.AddWithValue("$pending", Pending);
            cancel.Parameters.AddWithValue("$key", key);
            var changed = await cancel.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
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

        var nowMicros = SqliteInstant.ToMicroseconds(now);
        var untilMicros = SqliteInstant.ToMicroseconds(now + leaseDuration);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var lease = scope.Command(
                "UPDATE cc_work_items SET lease_owner = $owner, leased_until = $until, attempts = attempts + 1 " +
                "WHERE key IN (SELECT key FROM cc_work_items WHERE status = $pending AND due_at <= $now " +
                "AND (leased_until IS NULL OR leased_until <= $now) ORDER BY due_at, key LIMIT $max) " +
                "RETURNING key, kind, due_at, payload, attempts");
            lease.Parameters.AddWithValue("$owner", owner);
            lease.Parameters.AddWithValue("$until", untilMicros);
            lease.Parameters.AddWithValue("$pending", Pending);
            lease.Parameters.AddWithValue("$now", nowMicros);
            lease.Parameters.AddWithValue("$max", maxItems);

            var leased = new List<LeasedWorkItem>();
            var reader = await lease.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var item = new WorkItem(reader.GetString(0), reader.GetString(1), SqliteInstant.FromMicroseconds(reader.GetInt64(2)), reader.GetString(3));
                    leased.Add(new LeasedWorkItem(item, owner, SqliteInstant.FromMicroseconds(untilMicros), reader.GetInt32(4)));
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

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var complete = scope.Command(
                "UPDATE cc_work_items SET status = $completed, finished_at = $now, lease_owner = NULL, leased_until = NULL " +
                "WHERE key = $key AND status = $pending AND lease_owner = $owner AND attempts = $attempt");
            complete.Parameters.AddWithValue("$completed", Completed);
            complete.Parameters.AddWithValue("$now", SqliteInstant.ToMicroseconds(now));
            AddLease(complete, lease);
            var changed = await complete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ReleaseAsync(LeasedWorkItem lease, Instant retryAt, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(lease);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var release = scope.Command(
                "UPDATE cc_work_items SET due_at = $retry, lease_owner = NULL, leased_until = NULL " +
                "WHERE key = $key AND status = $pending AND lease_owner = $owner AND attempts = $attempt");
            release.Parameters.AddWithValue("$retry", SqliteInstant.ToMicroseconds(retryAt));
            AddLease(release, lease);
            var changed = await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Instant?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var next = connection.CreateCommand();
            next.CommandText = "SELECT MIN(MAX(due_at, COALESCE(leased_until, due_at))) FROM cc_work_items WHERE status = $pending";
            next.Parameters.AddWithValue("$pending", Pending);
            var value = await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is long micros ? SqliteInstant.FromMicroseconds(micros) : null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeFinishedAsync(Instant finishedBefore, CancellationToken cancellationToken = default)
    {
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var purge = scope.Command("DELETE FROM cc_work_items WHERE status <> $pending AND finished_at < $before");
            purge.Parameters.AddWithValue("$pending", Pending);
            purge.Parameters.AddWithValue("$before", SqliteInstant.ToMicroseconds(finishedBefore));
            var deleted = await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }

    private static void AddItem(SqliteCommand command, WorkItem item, long dueAt)
    {
        command.Parameters.AddWithValue("$key", item.Key);
        command.Parameters.AddWithValue("$kind", item.Kind);
        command.Parameters.AddWithValue("$due", dueAt);
        command.Parameters.AddWithValue("$payload", item.Payload);
    }

    private static void AddLease(SqliteCommand command, LeasedWorkItem lease)
    {
        command.Parameters.AddWithValue("$key", lease.Item.Key);
        command.Parameters.AddWithValue("$pending", Pending);
        command.Parameters.AddWithValue("$owner", lease.Owner);
        command.Parameters.AddWithValue("$attempt", lease.Attempt);
    }
}
