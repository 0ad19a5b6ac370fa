namespace CustomerCare.SelfService;

/// <summary>The lifecycle of a <see cref="KnowledgeArticle"/>: only published articles are matched.</summary>
public enum ArticleStatus
{
    /// <summary>Being written; not shown to customers or agents.</summary>
    Draft = 0,

    /// <summary>Live: matchers index it, customers and agents see it.</summary>
    Published = 1,

    /// <summary>Withdrawn, for example because the product changed; kept for the history of earlier answers.</summary>
    Retired = 2,
}
