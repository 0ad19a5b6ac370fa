using System.Text;
using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.Storage.Kvp;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The problem record store on PostgreSQL, in the tables <c>cc_kvp_problems</c> and <c>cc_kvp_problem_concerns</c>,
/// shared by every host instance.
/// </summary>
/// <remarks>
/// <para>
/// Key columns contain the identifier, version, state and opening instant, a JSON document contains the rest, and
/// <c>cc_kvp_problem_concerns</c> lists the grouped concerns for the concern filter. A write changes the record only
/// where its version is still the expected one (<c>UPDATE … WHERE id = @id AND version = @expected</c>), and replaces
/// its concerns in the same transaction. Listing pages by (opening instant, identifier), so records added between
/// pages neither repeat nor shift a page.
/// </para>
/// <para>Instants are stored in whole microseconds; the returned records carry the stored values. This type is thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlProblemStore : IProblemStore
{
    private const string EntityType = "ProblemRecord";
    private const string Columns = "id, version, state, opened_at, document";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself never reads it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlProblemStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlProblemStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async Task<ProblemRecord?> FindAsync(ProblemId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand($"SELECT {Columns} FROM cc_kvp_problems WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            var found = await ReadAsync(find, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <inheritdoc/>
    public async Task<ProblemRecord> SaveAsync(ProblemRecord problem, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(problem);
        KvpStoreArguments.RequireExpectedVersion(expectedVersion, "record");
        cancellationToken.ThrowIfCancellationRequested();

        var stored = KvpDocuments.Stored(problem, expectedVersion + 1);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            if (expectedVersion == 0)
            {
                var insert = scope.Command(
                    "INSERT INTO cc_kvp_problems (id, version, state, opened_at, document) " +
                    "VALUES (@id, 1, @state, @opened, @document) ON CONFLICT (id) DO NOTHING");
                AddContent(insert, stored);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    var actual = await ReadVersionAsync(scope, problem.Id, lockRow: false, cancellationToken).ConfigureAwait(false);
                    throw new ConcurrencyConflictException(EntityType, problem.Id.ToString(), 0, actual);
                }
            }
            else
            {
                await UpdateAsync(scope, stored, expectedVersion, cancellationToken).ConfigureAwait(false);
            }

            var delete = scope.Command("DELETE FROM cc_kvp_problem_concerns WHERE problem_id = @id");
            delete.Parameters.AddWithValue("id", problem.Id.Value);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (!stored.Concerns.IsEmpty)
            {
                var insert = scope.Command("INSERT INTO cc_kvp_problem_concerns (concern_id, problem_id) SELECT unnest(@concerns), @id");
                insert.Parameters.AddWithValue("concerns", stored.Concerns.Select(c => c.Value).ToArray());
                insert.Parameters.AddWithValue("id", problem.Id.Value);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    public async Task<StorePage<ProblemRecord>> ListAsync(ProblemQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        KvpStoreArguments.RequirePageSize(query.PageSize);
        var after = KvpStoreArguments.ParseToken(query.ContinuationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand { Connection = connection };
            var sql = new StringBuilder($"SELECT {Columns} FROM cc_kvp_problems p WHERE true");
            if (query.State is { } state)
            {
                sql.Append(" AND state = @state");
                list.Parameters.AddWithValue("state", (short)state);
            }

            if (query.Concern is { } concern)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM cc_kvp_problem_concerns c WHERE c.concern_id = @concern AND c.problem_id = p.id)");
                list.Parameters.AddWithValue("concern", concern.Value);
            }

            if (after is { } position)
            {
                sql.Append(" AND (opened_at, id) > (@afterAt, @afterId)");
                list.Parameters.AddWithValue("afterAt", PostgreSqlInstant.ToDateTime(position.Instant));
                list.Parameters.AddWithValue("afterId", position.Id);
            }

            sql.Append(" ORDER BY opened_at, id LIMIT @limit");
            list.Parameters.AddWithValue("limit", query.PageSize + 1);
            list.CommandText = sql.ToString();

            var problems = await ReadAsync(list, cancellationToken).ConfigureAwait(false);
            if (problems.Count <= query.PageSize)
            {
                return new StorePage<ProblemRecord>(problems, null);
            }

            problems.RemoveAt(query.PageSize);
            var last = problems[^1];
            return new StorePage<ProblemRecord>(problems, KvpStoreArguments.FormatToken(last.OpenedAt, last.Id.Value));
        }
    }

    private static async Task UpdateAsync(PostgreSqlDatabase.WriteScope scope, ProblemRecord stored, long expectedVersion, CancellationToken cancellationToken)
    {
        var update = scope.Command(
            "UPDATE cc_kvp_problems SET version = version + 1, state = @state, opened_at = @opened, document = @document " +
            "WHERE id = @id AND version = @expected");
        AddContent(update, stored);
        update.Parameters.AddWithValue("expected", expectedVersion);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return;
        }

        // The update found another version, but the row may have reached the expected version since. Reading it under
        // a row lock settles it: a version that matches now is written under that lock, and any other is the conflict.
        var actual = await ReadVersionAsync(scope, stored.Id, lockRow: true, cancellationToken).ConfigureAwait(false);
        if (actual != expectedVersion || await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new ConcurrencyConflictException(EntityType, stored.Id.ToString(), expectedVersion, actual);
        }
    }

    private static void AddContent(NpgsqlCommand command, ProblemRecord stored)
    {
        command.Parameters.AddWithValue("id", stored.Id.Value);
        command.Parameters.AddWithValue("state", (short)stored.State);
        command.Parameters.AddWithValue("opened", PostgreSqlInstant.ToDateTime(stored.OpenedAt));
        command.Parameters.Add(new NpgsqlParameter("document", NpgsqlDbType.Json) { Value = KvpJson.Serialize(KvpDocuments.ToDocument(stored)) });
    }

    private static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, ProblemId id, bool lockRow, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_kvp_problems WHERE id = @id" + (lockRow ? " FOR UPDATE" : string.Empty));
        read.Parameters.AddWithValue("id", id.Value);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private static async Task<List<ProblemRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var problems = new List<ProblemRecord>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = new ProblemId(reader.GetGuid(0));
                var document = KvpJson.DeserializeProblem(reader.GetString(4), id.ToString());
                problems.Add(KvpDocuments.ToProblem(id, PostgreSqlInstant.FromDateTime(reader.GetDateTime(3)), (ProblemState)reader.GetInt16(2), reader.GetInt64(1), document));
            }
        }

        return problems;
    }
}
