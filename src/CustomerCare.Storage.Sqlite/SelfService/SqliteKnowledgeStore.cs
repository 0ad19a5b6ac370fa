using CustomerCare.Core;
using CustomerCare.SelfService;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// The knowledge base on SQLite: articles in <c>cc_ss_articles</c>, votes in <c>cc_ss_article_votes</c> and their
/// totals in <c>cc_ss_article_feedback</c>.
/// </summary>
/// <remarks>
/// <para>
/// An article is a row with typed identifier, status and version columns and a JSON document with the other
/// properties. A write changes the row only where the version still matches (<c>WHERE version = expected</c>), so a
/// stale write changes nothing and throws <see cref="ConcurrencyConflictException"/>. A vote's idempotency key is
/// stored as its SHA-256 under a unique key, and the vote and the new totals are written in one transaction.
/// </para>
/// <para>
/// Every write runs in a <c>BEGIN IMMEDIATE</c> transaction, so callers in one process or several are serialized by
/// SQLite's write lock. This type is thread-safe.
/// </para>
/// </remarks>
public sealed class SqliteKnowledgeStore : IKnowledgeStore
{
    private const string Columns = "SELECT id, status, version, document FROM cc_ss_articles";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself reads no time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteKnowledgeStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteKnowledgeStore(SqliteDatabase database)
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
            var find = connection.CreateCommand();
            find.CommandText = Columns + " WHERE id = $id";
            find.Parameters.AddWithValue("$id", id.ToString());
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
                ? "INSERT INTO cc_ss_articles (id, status, version, document) VALUES ($id, $status, 1, $document) ON CONFLICT (id) DO NOTHING"
                : "UPDATE cc_ss_articles SET status = $status, version = version + 1, document = $document WHERE id = $id AND version = $expected");
            write.Parameters.AddWithValue("$id", article.Id.ToString());
            write.Parameters.AddWithValue("$status", (int)article.Status);
            write.Parameters.AddWithValue("$document", document);
            write.Parameters.AddWithValue("$expected", article.Version);
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var read = scope.Command("SELECT version FROM cc_ss_articles WHERE id = $id");
                read.Parameters.AddWithValue("$id", article.Id.ToString());
                var actual = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
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
        Guard.InRange(limit, 1, 1000);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = connection.CreateCommand();
            list.CommandText = (status, after) switch
            {
                (null, null) => Columns,
                (_, null) => Columns + " WHERE status = $status",
                (null, _) => Columns + " WHERE id > $after",
                _ => Columns + " WHERE status = $status AND id > $after",
            } + " ORDER BY id LIMIT $limit";
            list.Parameters.AddWithValue("$status", (int?)status ?? 0);
            list.Parameters.AddWithValue("$after", after?.ToString() ?? string.Empty);
            list.Parameters.AddWithValue("$limit", limit);
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
            var exists = scope.Command("SELECT 1 FROM cc_ss_articles WHERE id = $id");
            exists.Parameters.AddWithValue("$id", id.ToString());
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                throw new EntityNotFoundException(nameof(KnowledgeArticle), id.ToString());
            }

            var vote = scope.Command(
                "INSERT INTO cc_ss_article_votes (key_hash, article_id, helpful) VALUES ($key, $id, $helpful) ON CONFLICT (key_hash) DO NOTHING");
            vote.Parameters.AddWithValue("$key", FeedbackKey.Hash(idempotencyKey));
            vote.Parameters.AddWithValue("$id", id.ToString());
            vote.Parameters.AddWithValue("$helpful", helpful ? 1 : 0);
            if (await vote.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                var count = scope.Command(
                    "INSERT INTO cc_ss_article_feedback (article_id, helpful, not_helpful) VALUES ($id, $helpful, $notHelpful) " +
                    "ON CONFLICT (article_id) DO UPDATE SET helpful = helpful + excluded.helpful, not_helpful = not_helpful + excluded.not_helpful");
                count.Parameters.AddWithValue("$id", id.ToString());
                count.Parameters.AddWithValue("$helpful", helpful ? 1 : 0);
                count.Parameters.AddWithValue("$notHelpful", helpful ? 0 : 1);
                await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A key seen before leaves the totals as they are: they may even belong to another article.
            var totals = scope.Command("SELECT helpful, not_helpful FROM cc_ss_article_feedback WHERE article_id = $id");
            totals.Parameters.AddWithValue("$id", id.ToString());
            var feedback = default(ArticleFeedback);
            var reader = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    feedback = new ArticleFeedback(reader.GetInt32(0), reader.GetInt32(1));
                }
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return feedback;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ArticleId, ArticleFeedback>> GetFeedbackAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = connection.CreateCommand();
            read.CommandText = "SELECT article_id, helpful, not_helpful FROM cc_ss_article_feedback";
            var feedback = new Dictionary<ArticleId, ArticleFeedback>();
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    feedback[ArticleId.Parse(reader.GetString(0))] = new ArticleFeedback(reader.GetInt32(1), reader.GetInt32(2));
                }
            }

            return feedback;
        }
    }

    private static async Task<List<KnowledgeArticle>> ReadArticlesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var articles = new List<KnowledgeArticle>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                articles.Add(ArticleDocument.Read(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        return articles;
    }
}
