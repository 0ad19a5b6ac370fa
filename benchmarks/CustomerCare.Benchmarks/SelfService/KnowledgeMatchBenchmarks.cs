using BenchmarkDotNet.Attributes;
using CustomerCare.SelfService;

namespace CustomerCare.Benchmarks.SelfService;

/// <summary>
/// Matching one query against 10,000 published articles (30,000 question variants): the goal is a median of at most
/// 50 µs. The baseline scores every question variant directly from its tokens, without the inverted index.
/// </summary>
[MemoryDiagnoser]
public class KnowledgeMatchBenchmarks
{
    private readonly MatchCandidate[] _destination = new MatchCandidate[3];
    private Bm25KnowledgeMatcher _matcher = null!;
    private NaiveBm25Scan _naive = null!;
    private string[] _queries = [];
    private int _next;

    [Params(10_000)]
    public int Articles { get; set; }

    /// <summary>
    /// Gets or sets whether the 100 most frequent made-up words are stop words, as function words are in real text.
    /// Without that, a handful of words occur in nearly every answer body and every query touches most articles.
    /// </summary>
    [Params(false, true)]
    public bool CommonWordsAreStopWords { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var articles = SyntheticKnowledgeBase.Articles(Articles);
        var options = CommonWordsAreStopWords ? new Bm25MatcherOptions { StopWords = SyntheticKnowledgeBase.MostFrequentWords(100) } : null;
        _matcher = Bm25KnowledgeMatcher.Build(articles, options);
        _naive = new NaiveBm25Scan(articles);
        _queries = SyntheticKnowledgeBase.Queries(articles, 1024);
    }

    [Benchmark(Baseline = true, Description = "naive scan of every article")]
    public int NaiveScan() => _naive.BestArticle(NextQuery());

    [Benchmark(Description = "Match(MatchRequest), 3 candidates")]
    public MatchResult Match() => _matcher.Match(new MatchRequest(NextQuery()));

    [Benchmark(Description = "Match into a span, 3 candidates")]
    public int MatchIntoSpan() => _matcher.Match(NextQuery(), _destination, out _);

    private string NextQuery() => _queries[_next++ & 1023];
}
