using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Samples.SelfServiceEvaluation;

/// <summary>
/// Indexes labelled queries with the built-in BM25 matcher: one published article per intent, titled with the intent
/// name ("card_arrival" → "card arrival") and with the intent's training queries as question variants.
/// </summary>
internal sealed class Bm25MatcherFactory(Bm25MatcherOptions options) : IMatcherFactory
{
    public string Name => "BM25 (CustomerCare.SelfService)";

    public IKnowledgeMatcher Create(IReadOnlyList<LabelledQuery> training, ConfidenceCalibration calibration)
    {
        var matcher = Bm25KnowledgeMatcher.Build(ArticlesFrom(training), options);
        return matcher.WithCalibration(calibration);
    }

    public static IEnumerable<KnowledgeArticle> ArticlesFrom(IReadOnlyList<LabelledQuery> training)
    {
        var sequence = 0L;
        foreach (var group in training.GroupBy(q => q.Intent).OrderBy(g => g.Key))
        {
            var title = group.Key.Code.Replace('_', ' ').Replace('/', ' ').Replace('-', ' ');
            yield return new KnowledgeArticle(new ArticleId(IdFor(++sequence)), title, "…", group.Key)
            {
                QuestionVariants = [.. group.Select(q => q.Text)],
                Status = ArticleStatus.Published,
            };
        }
    }

    private static Guid IdFor(long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[8..], sequence);
        bytes[0] = 1;
        return new Guid(bytes);
    }
}
