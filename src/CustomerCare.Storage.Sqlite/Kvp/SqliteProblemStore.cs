using System.Text;
using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.Storage.Kvp;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The problem record store on SQLite, in the tables <c>cc_kvp_problems</c> and <c>cc_kvp_problem_concerns</c>.</summary>
/// <remarks>
/// <para>
/// Key columns contain the identifier, version, state and opening instant, a JSON document contains the rest, and
/// <c>cc_kvp_problem_concerns</c> lists the grouped concerns for the concern filter. Every write runs in a
/// <c>BEGIN IMMEDIATE</c> transaction, so the version check, the record and its concerns change atomically across
/// connections and processes. Listing pages by (opening instant, identifier), so records added between pages neither
/// repeat nor shift a page.
/// </para>
/// <para>Instants are stored in whole microseconds; the returned records carry the stored values. This type is thread-safe.</para>
/// </remarks>
public sealed class SqliteProblemStore : IProblemStore
{
    private const string EntityType = "ProblemRecord";
    private const string Columns = "id, version, state, opened_at, document";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself never reads it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteProblemStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteProblemStore(SqliteDatabase database)
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
            var find = connection.CreateCommand();
            find.CommandText = $"SELECT {Columns} FROM cc_kvp_problems WHERE id = $id";
            find.Parameters.AddWithValue("$id", id.ToString());
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
        var id = problem.Id.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = expectedVersion == 0
                ? scope.Command(
                    "INSERT INTO cc_kvp_problems (id, version, state, opened_at, document) " +
                    "VALUES ($id, 1, $state, $opened, $document) ON CONFLICT (id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_kvp_problems SET version = version + 1, state = $state, opened_at = $opened, document = $document " +
                    "WHERE id = $id AND version = $expected");
            write.Parameters.AddWithValue("$id", id);
            write.Parameters.AddWithValue("$state", (int)stored.State);
            write.Parameters.AddWithValue("$opened", SqliteInstant.ToMicroseconds(stored.OpenedAt));
            write.Parameters.AddWithValue("$document", KvpJson.Serialize(KvpDocuments.ToDocument(stored)));
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("$expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // The write lock is held, so the version read here is the one that failed the check.
                var read = scope.Command("SELECT version FROM cc_kvp_problems WHERE id = $id");
                read.Parameters.AddWithValue("$id", id);
                var actual = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
                throw new ConcurrencyConflictException(EntityType, id, expectedVersion, actual);
            }

            await ReplaceConcernsAsync(scope, id, stored.Concerns, cancellationToken).ConfigureAwait(false);
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
            var list = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {Columns} FROM cc_kvp_problems p WHERE 1 = 1");
            if (query.State is { } state)
            {
                sql.Append(" AND state = $state");
                list.Parameters.AddWithValue("$state", (int)state);
            }

            if (query.Concern is { } concern)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM cc_kvp_problem_concerns c WHERE c.concern_id = $concern AND c.problem_id = p.id)");
                list.Parameters.AddWithValue("$concern", concern.ToString());
            }

            if (after is { } position)
            {
                sql.Append(" AND (opened_at, id) > ($afterAt, $afterId)");
                list.Parameters.AddWithValue("$afterAt", SqliteInstant.ToMicroseconds(position.Instant));
                list.Parameters.AddWithValue("$afterId", new ProblemId(position.Id).ToString());
            }

            sql.Append(" ORDER BY opened_at, id LIMIT $limit");
            list.Parameters.AddWithValue("$limit", query.PageSize + 1);
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

    private static async Task ReplaceConcernsAsync(SqliteDatabase.WriteScope scope, string id, IReadOnlyList<ConcernId> concerns, CancellationToken cancellationToken)
    {
        var delete = scope.Command("DELETE FROM cc_kvp_problem_concerns WHERE problem_id = $id");
        delete.Parameters.AddWithValue("$id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var insert = scope.Command("INSERT INTO cc_kvp_problem_concerns (concern_id, problem_id) VALUES ($concern, $id)");
        insert.Parameters.AddWithValue("$id", id);
        var concern = insert.Parameters.Add("$concern", SqliteType.Text);
        foreach (var value in concerns)
        {
            concern.Value = value.ToString();
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<ProblemRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var problems = new List<ProblemRecord>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = reader.GetString(0);
                var id = ProblemId.TryParse(text, out var parsed) ? parsed : throw KvpDocuments.Unreadable("problem record", text, "its identifier is not a problem identifier");
                var document = KvpJson.DeserializeProblem(reader.GetString(4), text);
                problems.Add(KvpDocuments.ToProblem(id, SqliteInstant.FromMicroseconds(reader.GetInt64(3)), (ProblemState)reader.GetInt32(2), reader.GetInt64(1), document));
            }
        }

        return problems;
    }
}
