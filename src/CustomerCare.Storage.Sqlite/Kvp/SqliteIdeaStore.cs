using System.Text;
using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Storage.Kvp;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The improvement idea store on SQLite, in the table <c>cc_kvp_ideas</c>.</summary>
/// <remarks>
/// <para>
/// Key columns contain the identifier, version, lifecycle state, idempotency key, submission instant and target
/// reason, and a JSON document contains the rest. Every write runs in a <c>BEGIN IMMEDIATE</c> transaction, so the
/// version check and the write are atomic across connections and processes, and a unique index on the idempotency key
/// stores a repeated submission once. Listing pages by (submission instant, identifier), so ideas added between pages neither repeat
/// nor shift a page.
/// </para>
/// <para>Instants are stored in whole microseconds; the returned ideas carry the stored values. This type is thread-safe.</para>
/// </remarks>
public sealed class SqliteIdeaStore : IIdeaStore
{
    private const string EntityType = "ImprovementIdea";
    private const string Columns = "id, version, state, submitted_at, document";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself never reads it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteIdeaStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteIdeaStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async Task<ImprovementIdea?> FindAsync(IdeaId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = connection.CreateCommand();
            find.CommandText = $"SELECT {Columns} FROM cc_kvp_ideas WHERE id = $id";
            find.Parameters.AddWithValue("$id", id.ToString());
            var found = await ReadAsync(find, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <inheritdoc/>
    public async Task<ImprovementIdea> SubmitAsync(ImprovementIdea idea, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        KvpStoreArguments.RequireSubmission(idea, idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();

        var stored = KvpDocuments.Stored(idea, 1);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // A conflict on either the identifier or the key inserts nothing, and the reads below tell them apart.
            var insert = scope.Command(
                "INSERT INTO cc_kvp_ideas (id, version, state, idempotency_key, submitted_at, target_reason, document) " +
                "VALUES ($id, 1, $state, $key, $submitted, $reason, $document) ON CONFLICT DO NOTHING");
            AddContent(insert, stored);
            insert.Parameters.AddWithValue("$key", idempotencyKey);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }

            var byKey = scope.Command($"SELECT {Columns} FROM cc_kvp_ideas WHERE idempotency_key = $key");
            byKey.Parameters.AddWithValue("$key", idempotencyKey);
            var earlier = await ReadAsync(byKey, cancellationToken).ConfigureAwait(false);
            if (earlier.Count == 1)
            {
                return earlier[0];
            }

            var actual = await ReadVersionAsync(scope, idea.Id, cancellationToken).ConfigureAwait(false);
            throw new ConcurrencyConflictException(EntityType, idea.Id.ToString(), 0, actual);
        }
    }

    /// <inheritdoc/>
    public async Task<ImprovementIdea> SaveAsync(ImprovementIdea idea, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(idea);
        KvpStoreArguments.RequireExpectedVersion(expectedVersion, "idea");
        cancellationToken.ThrowIfCancellationRequested();

        var stored = KvpDocuments.Stored(idea, expectedVersion + 1);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = expectedVersion == 0
                ? scope.Command(
                    "INSERT INTO cc_kvp_ideas (id, version, state, submitted_at, target_reason, document) " +
                    "VALUES ($id, 1, $state, $submitted, $reason, $document) ON CONFLICT (id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_kvp_ideas SET version = version + 1, state = $state, submitted_at = $submitted, " +
                    "target_reason = $reason, document = $document WHERE id = $id AND version = $expected");
            AddContent(write, stored);
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("$expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // The write lock is held, so the version read here is the one that failed the check.
                var actual = await ReadVersionAsync(scope, idea.Id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(EntityType, idea.Id.ToString(), expectedVersion, actual);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <inheritdoc/>
    public async Task<StorePage<ImprovementIdea>> ListAsync(IdeaQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        KvpStoreArguments.RequirePageSize(query.PageSize);
        var after = KvpStoreArguments.ParseToken(query.ContinuationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {Columns} FROM cc_kvp_ideas WHERE 1 = 1");
            if (query.State is { } state)
            {
                sql.Append(" AND state = $state");
                list.Parameters.AddWithValue("$state", (int)state);
            }

            if (query.TargetReason is { } reason)
            {
                // The reason itself, or a code that starts with "reason/": those sort from "reason/" up to "reason0",
                // because '0' follows '/' in byte order.
                sql.Append(" AND (target_reason = $reason OR (target_reason >= $below AND target_reason < $beyond))");
                list.Parameters.AddWithValue("$reason", reason.Code);
                list.Parameters.AddWithValue("$below", reason.Code + "/");
                list.Parameters.AddWithValue("$beyond", reason.Code + "0");
            }

            if (after is { } position)
            {
                sql.Append(" AND (submitted_at, id) > ($afterAt, $afterId)");
                list.Parameters.AddWithValue("$afterAt", SqliteInstant.ToMicroseconds(position.Instant));
                list.Parameters.AddWithValue("$afterId", new IdeaId(position.Id).ToString());
            }

            sql.Append(" ORDER BY submitted_at, id LIMIT $limit");
            list.Parameters.AddWithValue("$limit", query.PageSize + 1);
            list.CommandText = sql.ToString();

            var ideas = await ReadAsync(list, cancellationToken).ConfigureAwait(false);
            if (ideas.Count <= query.PageSize)
            {
                return new StorePage<ImprovementIdea>(ideas, null);
            }

            ideas.RemoveAt(query.PageSize);
            var last = ideas[^1];
            return new StorePage<ImprovementIdea>(ideas, KvpStoreArguments.FormatToken(last.SubmittedAt, last.Id.Value));
        }
    }

    private static void AddContent(SqliteCommand command, ImprovementIdea stored)
    {
        command.Parameters.AddWithValue("$id", stored.Id.ToString());
        command.Parameters.AddWithValue("$state", (int)stored.State);
        command.Parameters.AddWithValue("$submitted", SqliteInstant.ToMicroseconds(stored.SubmittedAt));
        command.Parameters.AddWithValue("$reason", (object?)stored.TargetReason?.Code ?? DBNull.Value);
        command.Parameters.AddWithValue("$document", KvpJson.Serialize(KvpDocuments.ToDocument(stored)));
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, IdeaId id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_kvp_ideas WHERE id = $id");
        read.Parameters.AddWithValue("$id", id.ToString());
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private static async Task<List<ImprovementIdea>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var ideas = new List<ImprovementIdea>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = reader.GetString(0);
                var id = IdeaId.TryParse(text, out var parsed) ? parsed : throw KvpDocuments.Unreadable("improvement idea", text, "its identifier is not an idea identifier");
                var document = KvpJson.DeserializeIdea(reader.GetString(4), text);
                ideas.Add(KvpDocuments.ToIdea(id, SqliteInstant.FromMicroseconds(reader.GetInt64(3)), (IdeaState)reader.GetInt32(2), reader.GetInt64(1), document));
            }
        }

        return ideas;
    }
}
