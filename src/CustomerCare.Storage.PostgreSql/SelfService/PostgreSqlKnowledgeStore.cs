using CustomerCare.Core;
using CustomerCare.SelfService;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The knowledge base on PostgreSQL: articles in <c>cc_ss_articles</c>, votes in <c>cc_ss_article_votes</c> and their
/// totals in <c>cc_ss_article_feedback</c>, shared by every host instance.
/// </summary>
/// <remarks>
/// <para>
/// An article is a row with typed identifier, status and version columns and a <c>json</c> document with the other
/// properties. A write changes the row only where the version still matches (<c>WHERE version = expected</c>). The
/// update takes the row lock, so a second writer of the same version waits for the first to commit, then matches no
/// row and throws <see cref="ConcurrencyConflictException"/>. A new article is inserted with
/// <c>ON CONFLICT DO NOTHING</c>, so of two instances that create it at the same moment one wins and the other gets
/// the conflict.
/// </para>
/// <para>
/// A vote's idempotency key is stored as its SHA-256 under a unique key, and the vote and the new totals are written in
/// one statement, so a key that two instances receive at the same moment counts once. Free text lives in the JSON
/// document, which escapes the NUL character, so every text the article allows is kept. This type is thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlKnowledgeStore : IKnowledgeStore
{
    private const int MaxLimit = 1000;
    private const string Columns = "SELECT id, status, version, document FROM cc_ss_articles";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations. The store itself reads no time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlKnowledgeStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlKnowledgeStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async Task<KnowledgeArticle?> FindAsync(ArticleId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand(Columns + " WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            var found = await ReadArticlesAsync(find, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <inheritdoc/>
    public async Task<KnowledgeArticle> SaveAsync(KnowledgeArticle article, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(article);
        var document = ArticleDocument.Write(article);
        cancellationToken.ThrowIfCancellationRequested();

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = scope.Command(article.Version == 0
                ? "INSERT INTO cc_ss_articles (id, status, version, document) VALUES (@id, @status, 1, @document) ON CONFLICT (id) DO NOTHING"
                : "UPDATE cc_ss_articles SET status = @status, version = version + 1, document = @document WHERE id = @id AND version = @expected");
            write.Parameters.AddWithValue("id", article.Id.Value);
            write.Parameters.AddWithValue("status", (short)article.Status);
            write.Parameters.AddWithValue("document", NpgsqlDbType.Json, document);
            if (article.Version != 0)
            {
                write.Parameters.AddWithValue("expected", article.Version);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var read = scope.Command("SELECT version FROM cc_ss_articles WHERE id = @id");
                read.Parameters.AddWithValue("id", article.Id.Value);
                var actual = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : (long?)null;
                throw new ConcurrencyConflictException(nameof(KnowledgeArticle), article.Id.ToString(), article.Version, actual);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return article with { Version = article.Version + 1 };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KnowledgeArticle>> ListAsync(
        ArticleStatus? status, ArticleId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand(
                (status, after) switch
                {
                    (null, null) => Columns,
                    (_, null) => Columns + " WHERE status = @status",
                    (null, _) => Columns + " WHERE id > @after",
                    _ => Columns + " WHERE status = @status AND id > @after",
                } + " ORDER BY id LIMIT @limit",
                connection);
            list.Parameters.AddWithValue("status", (short)(status ?? default));
            list.Parameters.AddWithValue("after", after?.Value ?? Guid.Empty);
            list.Parameters.AddWithValue("limit", limit);
            return await ReadArticlesAsync(list, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<ArticleFeedback> RecordFeedbackAsync(ArticleId id, bool helpful, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var batch = new NpgsqlBatch(scope.Connection, scope.Transaction);
            await using (batch.ConfigureAwait(false))
            {
                // The vote is added only for an existing article, and the totals grow only when the vote was added. A key
                // seen before leaves the totals unchanged, even when it was first used for another article.
                var vote = new NpgsqlBatchCommand(
                    "WITH vote AS (" +
                    "INSERT INTO cc_ss_article_votes (key_hash, article_id, helpful) " +
                    "SELECT @key, @id, @helpful WHERE EXISTS (SELECT 1 FROM cc_ss_articles WHERE id = @id) " +
                    "ON CONFLICT (key_hash) DO NOTHING RETURNING article_id, helpful) " +
                    "INSERT INTO cc_ss_article_feedback (article_id, helpful, not_helpful) " +
                    "SELECT article_id, CASE WHEN helpful THEN 1 ELSE 0 END, CASE WHEN helpful THEN 0 ELSE 1 END FROM vote " +
                    "ON CONFLICT (article_id) DO UPDATE SET helpful = cc_ss_article_feedback.helpful + excluded.helpful, " +
                    "not_helpful = cc_ss_article_feedback.not_helpful + excluded.not_helpful");
                vote.Parameters.AddWithValue("key", FeedbackKey.Hash(idempotencyKey));
                vote.Parameters.AddWithValue("id", id.Value);
                vote.Parameters.AddWithValue("helpful", helpful);
                batch.BatchCommands.Add(vote);

                var totals = new NpgsqlBatchCommand(
                    "SELECT f.helpful, f.not_helpful FROM cc_ss_articles a LEFT JOIN cc_ss_article_feedback f ON f.article_id = a.id WHERE a.id = @id");
                totals.Parameters.AddWithValue("id", id.Value);
                batch.BatchCommands.Add(totals);

                ArticleFeedback feedback;
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new EntityNotFoundException(nameof(KnowledgeArticle), id.ToString());
                    }

                    feedback = reader.IsDBNull(0) ? default : new ArticleFeedback(reader.GetInt32(0), reader.GetInt32(1));
                }

                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return feedback;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ArticleId, ArticleFeedback>> GetFeedbackAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = new NpgsqlCommand("SELECT article_id, helpful, not_helpful FROM cc_ss_article_feedback", connection);
            var feedback = new Dictionary<ArticleId, ArticleFeedback>();
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    feedback[new ArticleId(reader.GetGuid(0))] = new ArticleFeedback(reader.GetInt32(1), reader.GetInt32(2));
                }
            }

            return feedback;
        }
    }

    private static async Task<List<KnowledgeArticle>> ReadArticlesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var articles = new List<KnowledgeArticle>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                articles.Add(ArticleDocument.Read(new ArticleId(reader.GetGuid(0)), reader.GetInt16(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        return articles;
    }
}
