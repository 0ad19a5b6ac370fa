using System.Text;
using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Storage.Kvp;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>The improvement idea store on PostgreSQL, in the table <c>cc_kvp_ideas</c>, shared by every host instance.</summary>
/// <remarks>
/// <para>
/// Key columns contain the identifier, version, lifecycle state, idempotency key, submission instant and target
/// reason, and a JSON document contains the rest. A write changes the row only where its version is still the expected one
/// (<c>UPDATE … WHERE id = @id AND version = @expected</c>), so of two instances that read the same version exactly
/// one writes. A unique index on the idempotency key stores a submission once, also when two instances submit it at
/// the same moment. Listing pages by (submission instant, identifier), so ideas added between pages neither repeat nor
/// shift a page.
/// </para>
/// <para>Instants are stored in whole microseconds; the returned ideas carry the stored values. This type is thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlIdeaStore : IIdeaStore
{
    private const string EntityType = "ImprovementIdea";
    private const string Columns = "id, version, state, submitted_at, document";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself never reads it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlIdeaStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlIdeaStore(PostgreSqlDatabase database)
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
            var find = new NpgsqlCommand($"SELECT {Columns} FROM cc_kvp_ideas WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
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
            // A conflict on either the identifier or the key inserts nothing. When another transaction inserts the same
            // key at the same moment, PostgreSQL waits for it to finish, and the read below returns its row.
            var insert = scope.Command(
                "INSERT INTO cc_kvp_ideas (id, version, state, idempotency_key, submitted_at, target_reason, document) " +
                "VALUES (@id, 1, @state, @key, @submitted, @reason, @document) ON CONFLICT DO NOTHING");
            AddContent(insert, stored);
            insert.Parameters.AddWithValue("key", idempotencyKey);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }

            var byKey = scope.Command($"SELECT {Columns} FROM cc_kvp_ideas WHERE idempotency_key = @key");
            byKey.Parameters.AddWithValue("key", idempotencyKey);
            var earlier = await ReadAsync(byKey, cancellationToken).ConfigureAwait(false);
            if (earlier.Count == 1)
            {
                return earlier[0];
            }

            var actual = await ReadVersionAsync(scope, idea.Id, lockRow: false, cancellationToken).ConfigureAwait(false);
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
            if (expectedVersion == 0)
            {
                var insert = scope.Command(
                    "INSERT INTO cc_kvp_ideas (id, version, state, submitted_at, target_reason, document) " +
                    "VALUES (@id, 1, @state, @submitted, @reason, @document) ON CONFLICT (id) DO NOTHING");
                AddContent(insert, stored);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    var actual = await ReadVersionAsync(scope, idea.Id, lockRow: false, cancellationToken).ConfigureAwait(false);
                    throw new ConcurrencyConflictException(EntityType, idea.Id.ToString(), 0, actual);
                }
            }
            else
            {
                await UpdateAsync(scope, stored, expectedVersion, cancellationToken).ConfigureAwait(false);
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
            var list = new NpgsqlCommand { Connection = connection };
            var sql = new StringBuilder($"SELECT {Columns} FROM cc_kvp_ideas WHERE true");
            if (query.State is { } state)
            {
                sql.Append(" AND state = @state");
                list.Parameters.AddWithValue("state", (short)state);
            }

            if (query.TargetReason is { } reason)
            {
                // The reason itself, or a code that starts with "reason/": those sort from "reason/" up to "reason0",
                // because '0' follows '/' in byte order, the column's collation.
                sql.Append(" AND (target_reason = @reason OR (target_reason >= @below AND target_reason < @beyond))");
                list.Parameters.AddWithValue("reason", reason.Code);
                list.Parameters.AddWithValue("below", reason.Code + "/");
                list.Parameters.AddWithValue("beyond", reason.Code + "0");
            }

            if (after is { } position)
            {
                sql.Append(" AND (submitted_at, id) > (@afterAt, @afterId)");
                list.Parameters.AddWithValue("afterAt", PostgreSqlInstant.ToDateTime(position.Instant));
                list.Parameters.AddWithValue("afterId", position.Id);
            }

            sql.Append(" ORDER BY submitted_at, id LIMIT @limit");
            list.Parameters.AddWithValue("limit", query.PageSize + 1);
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

    private static async Task UpdateAsync(PostgreSqlDatabase.WriteScope scope, ImprovementIdea stored, long expectedVersion, CancellationToken cancellationToken)
    {
        var update = scope.Command(
            "UPDATE cc_kvp_ideas SET version = version + 1, state = @state, submitted_at = @submitted, " +
            "target_reason = @reason, document = @document WHERE id = @id AND version = @expected");
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

    private static void AddContent(NpgsqlCommand command, ImprovementIdea stored)
    {
        command.Parameters.AddWithValue("id", stored.Id.Value);
        command.Parameters.AddWithValue("state", (short)stored.State);
        command.Parameters.AddWithValue("submitted", PostgreSqlInstant.ToDateTime(stored.SubmittedAt));
        command.Parameters.Add(new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)stored.TargetReason?.Code ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("document", NpgsqlDbType.Json) { Value = KvpJson.Serialize(KvpDocuments.ToDocument(stored)) });
    }

    private static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, IdeaId id, bool lockRow, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_kvp_ideas WHERE id = @id" + (lockRow ? " FOR UPDATE" : string.Empty));
        read.Parameters.AddWithValue("id", id.Value);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private static async Task<List<ImprovementIdea>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ideas = new List<ImprovementIdea>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = new IdeaId(reader.GetGuid(0));
                var document = KvpJson.DeserializeIdea(reader.GetString(4), id.ToString());
                ideas.Add(KvpDocuments.ToIdea(id, PostgreSqlInstant.FromDateTime(reader.GetDateTime(3)), (IdeaState)reader.GetInt16(2), reader.GetInt64(1), document));
            }
        }

        return ideas;
    }
}
