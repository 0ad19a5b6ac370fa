using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>The knowledge base's storage: articles with optimistic versions, and their "did this help?" votes.</summary>
/// <remarks>
/// <para>
/// Concurrency: every article has a version that starts at 1 and grows by one with each write.
/// <see cref="SaveAsync"/> writes only when the stored version equals the article's <see cref="KnowledgeArticle.Version"/>
/// (0 means the article must not exist yet) and throws <see cref="ConcurrencyConflictException"/> with the expected
/// and actual version otherwise. Votes carry an idempotency key, so a vote that a client sends twice counts once.
/// </para>
/// <para>
/// Implementations must be safe to call from many threads and, for shared databases, from many host instances.
/// CustomerCare.Testing has an in-memory implementation and a conformance test suite that every implementation
/// should pass.
/// </para>
/// </remarks>
public interface IKnowledgeStore
{
    /// <summary>Returns the article with <paramref name="id"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored article with its current version, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    Task<KnowledgeArticle?> FindAsync(ArticleId id, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an article if nobody else wrote it since it was read.</summary>
    /// <param name="article">The article; its <see cref="KnowledgeArticle.Version"/> is the version it was read at, 0 for a new one.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored article, with the version one higher.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The title, the answer or a question variant contains an unpaired surrogate, which no database can store.
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs from the article's version.</exception>
    Task<KnowledgeArticle> SaveAsync(KnowledgeArticle article, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of articles, ordered by identifier.</summary>
    /// <param name="status">The status to filter by, or <see langword="null"/> for all.</param>
    /// <param name="after">The last identifier of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The maximum number of articles, 1 to 1,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// Up to <paramref name="limit"/> articles with identifiers greater than <paramref name="after"/>, in the order of
    /// <see cref="ArticleId.CompareTo(ArticleId)"/> (which is also the ordinal order of their text); fewer than
    /// <paramref name="limit"/> only on the last page.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1,000.</exception>
    Task<IReadOnlyList<KnowledgeArticle>> ListAsync(ArticleStatus? status, ArticleId? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Counts one "did this help?" vote, once per idempotency key.</summary>
    /// <param name="id">The article voted on.</param>
    /// <param name="helpful"><see langword="true"/> for "it helped".</param>
    /// <param name="idempotencyKey">Identifies the vote, such as the conversation id and turn; a key seen before is not counted again.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The article's totals after the vote.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, or <paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">No article has <paramref name="id"/>.</exception>
    Task<ArticleFeedback> RecordFeedbackAsync(ArticleId id, bool helpful, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Returns the votes of every article that has any.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The totals by article; articles without votes are absent.</returns>
    Task<IReadOnlyDictionary<ArticleId, ArticleFeedback>> GetFeedbackAsync(CancellationToken cancellationToken = default);
}
