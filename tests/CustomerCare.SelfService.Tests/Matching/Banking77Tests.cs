using CustomerCare.Tests.Shared;

namespace CustomerCare.SelfService.Tests.Matching;

/// <summary>The BM25 matcher on BANKING77 (PolyAI, CC BY 4.0): the published figures must not regress.</summary>
public class Banking77Tests
{
    [Fact]
    public void Bm25_Banking77_MeetsPublishedFigures()
    {
        var trainPath = SharedData.File("banking77", "train.csv");
        var testPath = SharedData.File("banking77", "test.csv");
        if (trainPath is null || testPath is null)
        {
            Assert.Skip(SharedData.SkipReason);
        }

        var train = LabelledCsvFile.Read(trainPath);
        var test = LabelledCsvFile.Read(testPath);
        var random = new Random(7);
        var holdOut = train.GroupBy(q => q.Intent).SelectMany(g => g.OrderBy(_ => random.Next()).Take(g.Count() / 10)).ToHashSet();

        var probe = Bm25KnowledgeMatcher.Build(ArticlesFrom(train.Where(q => !holdOut.Contains(q)).ToList()));
        var samples = ConfidenceCalibration.CollectSamples(probe, holdOut);
        var calibration = ConfidenceCalibration.Fit(samples);
        var thresholds = ConfidenceThresholds.ForTargetPrecision(samples, calibration, 0.97, 0.3);
        var matcher = Bm25KnowledgeMatcher.Build(ArticlesFrom(train)).WithCalibration(calibration);
        var results = test.Select(q => (Query: q, Result: matcher.Match(new MatchRequest(q.Text)))).ToList();

        var accuracy = results.Count(r => r.Result.TopIntent == r.Query.Intent) / (double)results.Count;
        var answered = results.Where(r => r.Result.Confidence >= thresholds.Answer).ToList();
        var precision = answered.Count(r => r.Result.TopIntent == r.Query.Intent) / (double)answered.Count;
        Assert.Equal(77, train.Select(q => q.Intent).Distinct().Count());
        Assert.True(accuracy >= 0.86, $"top-1 accuracy {accuracy:P1}");
        Assert.True(precision >= 0.95, $"precision of automatic answers {precision:P1} at {thresholds}");
        Assert.True(answered.Count >= results.Count / 3, $"only {answered.Count} of {results.Count} answered automatically");
    }

    private static IEnumerable<KnowledgeArticle> ArticlesFrom(IReadOnlyList<LabelledQuery> queries) =>
        queries.GroupBy(q => q.Intent).Select(g => new KnowledgeArticle(Articles.NextId(), g.Key.Code.Replace('_', ' '), "…", g.Key)
        {
            QuestionVariants = [.. g.Select(q => q.Text)],
            Status = ArticleStatus.Published,
        });
}
