using BenchmarkDotNet.Attributes;
using CustomerCare.SelfService;

namespace CustomerCare.Benchmarks.SelfService;

/// <summary>Building the BM25 index over 10,000 published articles: the goal is at most 200 ms.</summary>
[MemoryDiagnoser]
public class KnowledgeIndexBuildBenchmarks
{
    private KnowledgeArticle[] _articles = [];

    [Params(10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => _articles = SyntheticKnowledgeBase.Articles(Articles);

    [Benchmark(Description = "Bm25KnowledgeMatcher.Build")]
    public Bm25KnowledgeMatcher Build() => Bm25KnowledgeMatcher.Build(_articles);
}
