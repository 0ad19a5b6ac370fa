using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>
/// The immutable BM25 index behind <see cref="Bm25KnowledgeMatcher"/>: a term dictionary, postings for question
/// variants, titles and bodies, and per-article data. Safe to query from many threads at once.
/// </summary>
internal sealed class Bm25Index
{
    private readonly Dictionary<string, int> _terms;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termLookup;

    private Bm25Index(
        TextAnalyzer analyzer,
        Dictionary<string, int> terms,
        ArticleId[] articles,
        int[] articleIntent,
        ContactReason[] intents,
        string[] articleLanguage,
        int[] variantArticle,
        Bm25Postings question,
        Bm25Postings title,
        Bm25Postings body,
        Bm25MatcherOptions options)
    {
        Analyzer = analyzer;
        _terms = terms;
        _termLookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        Articles = articles;
        ArticleIntent = articleIntent;
        Intents = intents;
        ArticleLanguage = articleLanguage;
        VariantArticle = variantArticle;
        Question = question;
        Title = title;
        Body = body;
        Options = options;
    }

    public TextAnalyzer Analyzer { get; }

    public ArticleId[] Articles { get; }

    public int[] ArticleIntent { get; }

    public ContactReason[] Intents { get; }

    public string[] ArticleLanguage { get; }

    public int[] VariantArticle { get; }

    public Bm25Postings Question { get; }

    public Bm25Postings Title { get; }

    public Bm25Postings Body { get; }

    public Bm25MatcherOptions Options { get; }

    public int TermCount => _terms.Count;

    public bool TryGetTerm(ReadOnlySpan<char> token, out int termId) => _termLookup.TryGetValue(token, out termId);

    /// <summary>Builds the index from published articles, in the order given.</summary>
    public static Bm25Index Build(IReadOnlyList<KnowledgeArticle> articles, Bm25MatcherOptions options)
    {
        var analyzer = TextAnalyzer.Create(options.StopWords, options.Stemming);
        var buffer = new TokenBuffer();
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var termLookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        // Term frequencies of the text being added, by term id, and the ids it touched; reused for every text.
        var frequencies = new int[1024];
        var touchedTerms = new List<int>();

        var articleIds = new ArticleId[articles.Count];
        var articleIntent = new int[articles.Count];
        var articleLanguage = new string[articles.Count];
        var intentIndex = new Dictionary<ContactReason, int>();
        var intents = new List<ContactReason>();
        var variantArticle = new List<int>();
        var variantLengths = new List<int>();
        var questionEntries = new List<(int, int, int)>(articles.Count * 16);
        var titleEntries = new List<(int, int, int)>(articles.Count * 4);
        var bodyEntries = new List<(int, int, int)>(articles.Count * 16);
        var titleLengths = new int[articles.Count];
        var bodyLengths = new int[articles.Count];

        for (var a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            articleIds[a] = article.Id;
            articleLanguage[a] = article.Language;
            if (!intentIndex.TryGetValue(article.Intent, out var intent))
            {
                intent = intents.Count;
                intentIndex.Add(article.Intent, intent);
                intents.Add(article.Intent);
            }

            articleIntent[a] = intent;
            foreach (var variant in article.QuestionVariants)
            {
                var unit = variantArticle.Count;
                variantArticle.Add(a);
                variantLengths.Add(AddEntries(variant, unit, questionEntries));
            }

            titleLengths[a] = AddEntries(article.Title, a, titleEntries);
            bodyLengths[a] = AddEntries(article.Answer, a, bodyEntries);
        }

        var k1 = options.K1;
        var b = options.B;
        return new Bm25Index(
            analyzer,
            terms,
            articleIds,
            articleIntent,
            [.. intents],
            articleLanguage,
            [.. variantArticle],
            Bm25Postings.Build(questionEntries, [.. variantLengths], terms.Count, options.QuestionWeight, k1, b),
            Bm25Postings.Build(titleEntries, titleLengths, terms.Count, options.TitleWeight, k1, b),
            Bm25Postings.Build(bodyEntries, bodyLengths, terms.Count, options.BodyWeight, k1, b),
            options);

        int AddEntries(string text, int document, List<(int, int, int)> entries)
        {
            analyzer.Analyze(text, buffer);
            touchedTerms.Clear();
            for (var i = 0; i < buffer.Count; i++)
            {
                var token = buffer[i];
                if (!termLookup.TryGetValue(token, out var termId))
                {
                    termId = terms.Count;
                    termLookup[token] = termId;
                    if (termId == frequencies.Length)
                    {
                        Array.Resize(ref frequencies, termId * 2);
                    }
                }

                if (frequencies[termId]++ == 0)
                {
                    touchedTerms.Add(termId);
                }
            }

            foreach (var termId in touchedTerms)
            {
                entries.Add((termId, document, frequencies[termId]));
                frequencies[termId] = 0;
            }

            return buffer.Count;
        }
    }
}
