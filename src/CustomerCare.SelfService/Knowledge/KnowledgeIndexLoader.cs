namespace CustomerCare.SelfService;

/// <summary>Builds a <see cref="Bm25KnowledgeMatcher"/> from every published article and the votes in an <see cref="IKnowledgeStore"/>.</summary>
public static class KnowledgeIndexLoader
{
    private const int PageSize = 500;

    /// <summary>Reads the published articles page by page and the feedback, and builds a matcher over them.</summary>
    /// <param name="store">The knowledge store.</param>
    /// <param name="options">The matcher settings; <see cref="Bm25MatcherOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="Core.CustomerCareValidationException"><paramref name="options"/> has a setting out of range.</exception>
    public static async Task<Bm25KnowledgeMatcher> LoadAsync(IKnowledgeStore store, Bm25MatcherOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);

        var articles = new List<KnowledgeArticle>();
        ArticleId? after = null;
        while (true)
        {
            var page = await store.ListAsync(ArticleStatus.Published, after, PageSize, cancellationToken).ConfigureAwait(false);
            articles.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        var feedback = await store.GetFeedbackAsync(cancellationToken).ConfigureAwait(false);
        return Bm25KnowledgeMatcher.Build(articles, options, feedback);
    }
}
