using CustomerCare.SelfService;

namespace CustomerCare.Benchmarks.SelfService;

/// <summary>
/// BM25 over the question variants without an inverted index: every query scores every variant of every article.
/// The baseline that shows what the index saves; it splits on spaces and neither folds nor stems.
/// </summary>
internal sealed class NaiveBm25Scan
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly (int Article, string[] Tokens)[] _variants;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public NaiveBm25Scan(KnowledgeArticle[] articles)
    {
        _variants = [.. articles.SelectMany((a, i) => a.QuestionVariants.Select(v => (i, v.Split(' '))))];
        foreach (var (_, tokens) in _variants)
        {
            foreach (var token in tokens.Distinct())
            {
                _documentFrequency[token] = _documentFrequency.GetValueOrDefault(token) + 1;
            }
        }

        _averageLength = _variants.Average(v => v.Tokens.Length);
    }

    public int BestArticle(string query)
    {
        var terms = query.Split(' ').Distinct().ToArray();
        var best = -1;
        var bestScore = 0.0;
        foreach (var (article, tokens) in _variants)
        {
            var score = 0.0;
            foreach (var term in terms)
            {
                var tf = 0;
                foreach (var token in tokens)
                {
                    tf += token == term ? 1 : 0;
                }

                if (tf > 0)
                {
                    var n = _documentFrequency[term];
                    var idf = Math.Log(1 + ((_variants.Length - n + 0.5) / (n + 0.5)));
                    score += idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * tokens.Length / _averageLength))));
                }
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = article;
            }
        }

        return best;
    }
}
