using CustomerCare.Core;

namespace CustomerCare.SelfService.Tests.Matching;

/// <summary>
/// A slow, direct reading of the scoring formula that the BM25 matcher documents, over whitespace tokens, to check
/// the fast index against.
/// </summary>
internal static class ReferenceBm25
{
    public static Dictionary<ArticleId, double> Scores(IReadOnlyList<KnowledgeArticle> articles, string query, Bm25MatcherOptions options)
    {
        var terms = Tokens(query).Distinct().ToArray();
        var variants = articles.SelectMany(a => a.QuestionVariants.Select(v => Tokens(v))).ToList();
        var titles = articles.Select(a => Tokens(a.Title)).ToList();
        var bodies = articles.Select(a => Tokens(a.Answer)).ToList();

        var scores = new Dictionary<ArticleId, double>();
        foreach (var article in articles)
        {
            var variantScores = article.QuestionVariants.Select(v => FieldScore(Tokens(v), variants, terms, options)).OrderDescending().ToArray();
            var best = variantScores.Length > 0 ? variantScores[0] : 0;
            var supporting = variantScores.Skip(1).Take(options.SupportingVariants).Sum();
            scores[article.Id] = (options.QuestionWeight * (best + (options.SupportingVariantShare * supporting)))
                + (options.TitleWeight * FieldScore(Tokens(article.Title), titles, terms, options))
                + (options.BodyWeight * FieldScore(Tokens(article.Answer), bodies, terms, options));
        }

        return scores;
    }

    private static double FieldScore(string[] document, List<string[]> collection, string[] terms, Bm25MatcherOptions options)
    {
        var n = collection.Count;
        var total = collection.Sum(d => d.Length);
        var average = n == 0 || total == 0 ? 1.0 : (double)total / n;
        var score = 0.0;
        foreach (var term in terms)
        {
            var tf = document.Count(t => t == term);
            if (tf == 0)
            {
                continue;
            }

            var df = collection.Count(d => d.Contains(term));
            var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            score += idf * tf * (options.K1 + 1) / (tf + (options.K1 * (1 - options.B + (options.B * document.Length / average))));
        }

        return score;
    }

    private static string[] Tokens(string text) => text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
