using System.Collections.Immutable;
using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Storage;

/// <summary>
/// The JSON column of a stored knowledge article: every property except the typed key columns (identifier, status and
/// version).
/// </summary>
internal sealed record ArticleDocument(
    string Title,
    string Answer,
    string Intent,
    ImmutableArray<string> QuestionVariants,
    string Language,
    ImmutableArray<string> Tags,
    string? Automation = null,
    string? SourceCandidate = null)
{
    /// <summary>Returns the JSON document of <paramref name="article"/>.</summary>
    /// <exception cref="ArgumentException">A text of the article contains an unpaired surrogate.</exception>
    public static string Write(KnowledgeArticle article)
    {
        UnicodeText.RequireWellFormed(article.Title, $"The title of article {article.Id}", nameof(article));
        UnicodeText.RequireWellFormed(article.Answer, $"The answer of article {article.Id}", nameof(article));
        foreach (var variant in article.QuestionVariants)
        {
            UnicodeText.RequireWellFormed(variant, $"A question variant of article {article.Id}", nameof(article));
        }

        var document = new ArticleDocument(
            article.Title,
            article.Answer,
            article.Intent.Code,
            article.QuestionVariants,
            article.Language,
            article.Tags,
            article.Automation,
            article.SourceCandidate?.ToString());
        return SelfServiceJsonContext.Write(document, SelfServiceJsonContext.Storage.ArticleDocument);
    }

    /// <summary>Returns the article that a stored row with a text identifier describes.</summary>
    /// <exception cref="InvalidOperationException">The identifier or the document describes no valid article.</exception>
    public static KnowledgeArticle Read(string id, long status, long version, string json) =>
        SelfServiceJsonContext.Read("article", id, () => Build(ArticleId.Parse(id), status, version, json));

    /// <summary>Returns the article that a stored row with a typed identifier describes.</summary>
    /// <exception cref="InvalidOperationException">The document is not valid JSON or describes no valid article.</exception>
    public static KnowledgeArticle Read(ArticleId id, long status, long version, string json) =>
        SelfServiceJsonContext.Read("article", id, () => Build(id, status, version, json));

    private static KnowledgeArticle Build(ArticleId id, long status, long version, string json)
    {
        var document = SelfServiceJsonContext.Parse(json, SelfServiceJsonContext.Storage.ArticleDocument);
        return new KnowledgeArticle(id, document.Title, document.Answer, ContactReason.Parse(document.Intent))
        {
            QuestionVariants = document.QuestionVariants,
            Language = document.Language,
            Tags = document.Tags,
            Automation = document.Automation,
            Status = (ArticleStatus)status,
            SourceCandidate = document.SourceCandidate is null ? null : KnowledgeCandidateId.Parse(document.SourceCandidate),
            Version = version,
        };
    }
}
