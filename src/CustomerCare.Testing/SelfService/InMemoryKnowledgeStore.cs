using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Testing.SelfService;

/// <summary>An <see cref="IKnowledgeStore"/> in memory, for tests and single-process hosts.</summary>
/// <remarks>
/// Follows the port's contract exactly: optimistic versions, feedback counted once per idempotency key, pages
/// ordered by identifier, and text that a database can store (no unpaired surrogates). One lock guards all state, so
/// every operation is atomic and the type is thread-safe. Nothing survives the process.
/// </remarks>
public sealed class InMemoryKnowledgeStore : IKnowledgeStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<ArticleId, KnowledgeArticle> _articles = [];
    private readonly Dictionary<ArticleId, ArticleFeedback> _feedback = [];
    private readonly HashSet<string> _feedbackKeys = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<KnowledgeArticle?> FindAsync(ArticleId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_articles.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public Task<KnowledgeArticle> SaveAsync(KnowledgeArticle article, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(article);
        RequireWellFormed(article);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var stored = _articles.GetValueOrDefault(article.Id);
            if ((stored?.Version ?? 0) != article.Version)
            {
                throw new ConcurrencyConflictException(nameof(KnowledgeArticle), article.Id.ToString(), article.Version, stored?.Version);
            }

            var saved = article with { Version = article.Version + 1 };
            _articles[article.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<KnowledgeArticle>> ListAsync(ArticleStatus? status, ArticleId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, 1000);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<KnowledgeArticle> page = _articles.Values
                .Where(a => (after is null || a.Id > after.Value) && (status is null || a.Status == status))
                .Take(limit)
                .ToList();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc/>
    public Task<ArticleFeedback> RecordFeedbackAsync(ArticleId id, bool helpful, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_articles.ContainsKey(id))
            {
                throw new EntityNotFoundException(nameof(KnowledgeArticle), id.ToString());
            }

            var totals = _feedback.GetValueOrDefault(id);
            if (_feedbackKeys.Add(idempotencyKey))
            {
                totals = totals.Add(helpful);
                _feedback[id] = totals;
            }

            return Task.FromResult(totals);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<ArticleId, ArticleFeedback>> GetFeedbackAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<ArticleId, ArticleFeedback>>(new Dictionary<ArticleId, ArticleFeedback>(_feedback));
        }
    }

    private static void RequireWellFormed(KnowledgeArticle article)
    {
        UnicodeText.RequireWellFormed(article.Title, $"The title of article {article.Id}", nameof(article));
        UnicodeText.RequireWellFormed(article.Answer, $"The answer of article {article.Id}", nameof(article));
        foreach (var variant in article.QuestionVariants)
        {
            UnicodeText.RequireWellFormed(variant, $"A question variant of article {article.Id}", nameof(article));
        }
    }
}
