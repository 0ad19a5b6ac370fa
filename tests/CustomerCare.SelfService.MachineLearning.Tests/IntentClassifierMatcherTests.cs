using CustomerCare.Core;
using CustomerCare.SelfService.Tests;
using CustomerCare.Tests.Shared;

namespace CustomerCare.SelfService.MachineLearning.Tests;

public class IntentClassifierMatcherTests
{
    private static readonly ContactReason Arrival = ContactReason.Parse("cards/arrival");
    private static readonly ContactReason Lost = ContactReason.Parse("cards/lost");
    private static readonly ContactReason Fee = ContactReason.Parse("transfers/fee");

    private static readonly Lazy<IntentClassifierMatcher> Trained = new(() => IntentClassifierMatcher.Train(Synthetic()));

    private static List<LabelledQuery> Synthetic()
    {
        string[] openings = ["", "hi, ", "hello ", "please help: ", "quick question, ", "urgent: "];
        string[] arrival = ["where is my new card", "my card has not arrived yet", "card delivery is taking too long", "when will my card arrive", "still waiting for the card in the mail"];
        string[] lost = ["i lost my card", "my card was stolen", "someone stole my wallet and card", "cannot find my card anywhere", "card missing after my trip"];
        string[] fee = ["how much does a transfer cost", "is there a fee for transfers", "why was i charged a transfer fee", "what are the charges for sending money", "transfer fees abroad"];
        return
        [
            .. openings.SelectMany(o => arrival.Select(t => new LabelledQuery(o + t, Arrival))),
            .. openings.SelectMany(o => lost.Select(t => new LabelledQuery(o + t, Lost))),
            .. openings.SelectMany(o => fee.Select(t => new LabelledQuery(o + t, Fee))),
        ];
    }

    [Theory]
    [InlineData("my card never arrived", "cards/arrival")]
    [InlineData("somebody stole my card", "cards/lost")]
    [InlineData("what is the fee to send money", "transfers/fee")]
    public void Match_PredictsIntent(string text, string intent)
    {
        var result = Trained.Value.Match(new MatchRequest(text));

        Assert.Equal(ContactReason.Parse(intent), result.TopIntent);
        Assert.Equal(3, result.Candidates.Length);
        Assert.InRange(result.Confidence, 0, 1);
        Assert.Equal(result.Signals.Strength, result.Candidates[0].Score, 5);
    }

    [Fact]
    public void Intents_AreTheTrainedOnes()
    {
        Assert.Equal(new[] { Arrival, Lost, Fee }, Trained.Value.Intents.Order());
    }

    [Fact]
    public void WithArticles_MapsPublishedArticlePerIntent()
    {
        var published = new KnowledgeArticle(new ArticleId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-000000000101")), "Card arrival", "It takes 5 days.", Arrival) { Status = ArticleStatus.Published };
        var draft = new KnowledgeArticle(new ArticleId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-000000000102")), "Lost card", "Block it.", Lost);

        var matcher = Trained.Value.WithArticles([published, draft]);
        var arrival = matcher.Match(new MatchRequest("where is my card, it has not arrived"));
        var lost = matcher.Match(new MatchRequest("my card was stolen"));

        Assert.Equal(published.Id, arrival.TopArticle);
        Assert.Null(lost.TopArticle);
    }

    [Fact]
    public void SaveAndLoad_GivesSamePredictions()
    {
        using var stream = new MemoryStream();
        Trained.Value.Save(stream);
        stream.Position = 0;

        var loaded = IntentClassifierMatcher.Load(stream, Trained.Value.Calibration);

        foreach (var text in new[] { "card not here yet", "lost it", "fees please" })
        {
            var expected = Trained.Value.Match(new MatchRequest(text));
            var actual = loaded.Match(new MatchRequest(text));
            Assert.Equal(expected.TopIntent, actual.TopIntent);
            Assert.Equal(expected.Confidence, actual.Confidence, 6);
        }
    }

    [Fact]
    public void Load_NotAModel_Throws()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);

        Assert.ThrowsAny<Exception>(() => IntentClassifierMatcher.Load(stream));
    }

    [Fact]
    public void Train_OneIntent_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => IntentClassifierMatcher.Train([new LabelledQuery("a", Lost), new LabelledQuery("b", Lost)]));

        Assert.Contains("at least two intents", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_InvalidOptions_ReportsEveryProblem()
    {
        var options = new IntentClassifierOptions { WordNGramLength = 0, CharacterNGramLength = 9, MaximumIterations = 0 };

        var exception = Assert.Throws<CustomerCareValidationException>(() => IntentClassifierMatcher.Train(Synthetic(), options));

        Assert.Equal(3, exception.Errors.Count);
    }

    [Fact]
    public void Match_Concurrent_AgreesWithSequential()
    {
        var matcher = Trained.Value;
        string[] texts = ["card not here", "card stolen", "transfer fee", "lost wallet"];
        var expected = texts.Select(t => matcher.Match(new MatchRequest(t)).TopIntent).ToArray();

        var agreed = new bool[200];
        Parallel.For(0, agreed.Length, i => agreed[i] = matcher.Match(new MatchRequest(texts[i % texts.Length])).TopIntent == expected[i % texts.Length]);

        Assert.All(agreed, Assert.True);
    }

    [Fact]
    public void Train_Banking77Subset_ClassifiesHeldOutQueries()
    {
        var trainPath = SharedData.File("banking77", "train.csv");
        var testPath = SharedData.File("banking77", "test.csv");
        if (trainPath is null || testPath is null)
        {
            Assert.Skip(SharedData.SkipReason);
        }

        // Ten intents keep the training to seconds; the full figures come from the evaluation sample.
        var intents = LabelledCsvFile.Read(trainPath).Select(q => q.Intent).Distinct().Order().Take(10).ToHashSet();
        var train = LabelledCsvFile.Read(trainPath).Where(q => intents.Contains(q.Intent)).ToList();
        var test = LabelledCsvFile.Read(testPath).Where(q => intents.Contains(q.Intent)).ToList();

        var matcher = IntentClassifierMatcher.Train(train);
        var accuracy = test.Count(q => matcher.Match(new MatchRequest(q.Text)).TopIntent == q.Intent) / (double)test.Count;

        Assert.True(accuracy >= 0.85, $"top-1 accuracy {accuracy:P1} on {test.Count} queries of 10 intents");
    }
}
