using CustomerCare.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerCare.SelfService.Tests.Matching;

public class Bm25KnowledgeMatcherTests
{
    [Theory]
    [InlineData("Where is my new card?", "cards/arrival")]
    [InlineData("MY CARD HAS NOT ARRIVED", "cards/arrival")]
    [InlineData("someone stole my card", "cards/lost")]
    [InlineData("I typed the wrong PIN and now it's blocked", "cards/pin-blocked")]
    [InlineData("why is the transfer pending", "transfers/pending")]
    [InlineData("what fee do you charge for a transfer", "transfers/fee")]
    [InlineData("please close my account", "account/close")]
    public void Match_FindsIntent(string query, string intent)
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());

        var result = matcher.Match(new MatchRequest(query));

        Assert.Equal(ContactReason.Parse(intent), result.TopIntent);
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Fact]
    public void Match_UnknownWords_ReturnsNone()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());

        var result = matcher.Match(new MatchRequest("zebra xylophone quantum"));

        Assert.Same(MatchResult.None, result);
        Assert.Equal(0, result.Confidence);
        Assert.Null(result.TopIntent);
    }

    [Fact]
    public void Match_ReturnsDistinctArticlesBestFirst()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());

        var result = matcher.Match(new MatchRequest("card transfer pending pin", 5));

        Assert.True(result.Candidates.Length > 1);
        Assert.Equal(result.Candidates.Length, result.Candidates.Select(c => c.Article).Distinct().Count());
        Assert.Equal(result.Candidates.OrderByDescending(c => c.Score).Select(c => c.Article), result.Candidates.Select(c => c.Article));
    }

    [Fact]
    public void Match_ExactVariant_HasStrongSignals()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());

        var exact = matcher.Match(new MatchRequest("delete my account please"));
        var halfUnknown = matcher.Match(new MatchRequest("delete my zebra quantum"));
        var ambiguous = matcher.Match(new MatchRequest("card"));

        Assert.True(exact.Signals.Strength > halfUnknown.Signals.Strength, $"{exact.Signals} vs {halfUnknown.Signals}");
        Assert.True(exact.Signals.Margin > ambiguous.Signals.Margin, $"{exact.Signals} vs {ambiguous.Signals}");
        Assert.True(exact.Confidence > halfUnknown.Confidence);
        Assert.True(exact.Confidence > ambiguous.Confidence);
        Assert.InRange(exact.Signals.Margin, 0, 1);
        Assert.InRange(exact.Signals.Strength, 0, 1);
    }

    [Fact]
    public void Build_SkipsDraftsAndRetired_AndCountsThem()
    {
        var articles = Articles.Banking().ToList();
        articles[0] = articles[0] with { Status = ArticleStatus.Draft };
        articles[1] = articles[1] with { Status = ArticleStatus.Retired };

        var matcher = Bm25KnowledgeMatcher.Build(articles);

        Assert.Equal(4, matcher.ArticleCount);
        Assert.Equal(2, matcher.SkippedArticleCount);
        Assert.NotEqual(ContactReason.Parse("cards/arrival"), matcher.Match(new MatchRequest("where is my new card")).TopIntent);
    }

    [Fact]
    public void Build_DuplicateId_Throws()
    {
        var article = Articles.Published("cards/arrival", "Card arrival", "where is my card");

        var exception = Assert.Throws<ArgumentException>(() => Bm25KnowledgeMatcher.Build([article, article with { Title = "Other" }]));

        Assert.Contains(article.Id.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InvalidOptions_ReportsEveryProblem()
    {
        var options = new Bm25MatcherOptions { K1 = -1, B = 2, FeedbackInfluence = 1 };

        var exception = Assert.Throws<CustomerCareValidationException>(() => Bm25KnowledgeMatcher.Build([], options));

        Assert.Equal(["K1", "B", "FeedbackInfluence"], exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Match_Language_FiltersArticles()
    {
        var english = Articles.Published("cards/lost", "Lost card", "lost card");
        var german = Articles.Published("cards/lost", "Karte verloren", "lost card karte") with { Language = "de" };
        var matcher = Bm25KnowledgeMatcher.Build([english, german]);

        var result = matcher.Match(new MatchRequest("lost card", 5, "DE"));

        Assert.Equal(german.Id, Assert.Single(result.Candidates).Article);
    }

    [Fact]
    public void Match_Feedback_RanksHelpfulArticleFirst()
    {
        var first = Articles.Published("fees/a", "Fee", "what is the fee");
        var second = Articles.Published("fees/b", "Fee", "what is the fee");
        var matcher = Bm25KnowledgeMatcher.Build([first, second]);
        Assert.Equal(first.Id, matcher.Match(new MatchRequest("fee")).TopArticle);

        var rated = matcher.WithFeedback(new Dictionary<ArticleId, ArticleFeedback>
        {
            [first.Id] = new(1, 30),
            [second.Id] = new(40, 2),
        });

        Assert.Equal(second.Id, rated.Match(new MatchRequest("fee")).TopArticle);
        Assert.Equal(first.Id, matcher.Match(new MatchRequest("fee")).TopArticle);
    }

    [Fact]
    public void Match_SameIntentArticles_DoNotLowerMargin()
    {
        var a = Articles.Published("cards/lost", "Lost card", "i lost my card");
        var b = Articles.Published("cards/lost", "Lost card again", "i lost my card");
        var other = Articles.Published("cards/arrival", "Card arrival", "where is my card");
        var matcher = Bm25KnowledgeMatcher.Build([a, b, other]);

        var result = matcher.Match(new MatchRequest("i lost my card"));

        Assert.True(result.Signals.Margin > 0.3, $"margin {result.Signals.Margin}");
    }

    [Fact]
    public void Match_DefaultRequest_Throws()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());

        Assert.Throws<ArgumentException>(() => matcher.Match(default));
    }

    [Fact]
    public void Match_ConcurrentQueries_AgreeWithSequential()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());
        string[] queries = ["where is my card", "pin blocked", "transfer fee", "close account", "card stolen", "pending"];
        var expected = queries.Select(q => matcher.Match(new MatchRequest(q)).Candidates).ToArray();

        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 400, i =>
        {
            var q = i % queries.Length;
            results.Add(matcher.Match(new MatchRequest(queries[q])).Candidates.SequenceEqual(expected[q]));
        });

        Assert.All(results, Assert.True);
    }

    [Property(MaxTest = 200)]
    public Property Match_AgreesWithReferenceScoring()
    {
        var words = new[] { "card", "pin", "lost", "fee", "transfer", "pending", "account", "close", "new", "blocked", "stolen", "delivery" };
        var text = from n in Gen.Choose(1, 6)
                   from w in Gen.ArrayOf(Gen.Elements(words), n)
                   select string.Join(' ', w);
        var article = from variantCount in Gen.Choose(0, 4)
                      from variants in Gen.ArrayOf(text, variantCount)
                      from title in text
                      from body in text
                      from intent in Gen.Elements("a", "b", "c", "d")
                      select (variants, title, body, intent);
        var knowledgeBase = from count in Gen.Choose(1, 8)
                            from specs in Gen.ArrayOf(article, count)
                            select specs;
        return Prop.ForAll(knowledgeBase.ToArbitrary(), text.ToArbitrary(), (specs, query) =>
        {
            var articles = specs.Select(s => new KnowledgeArticle(Articles.NextId(), s.title, s.body, ContactReason.Parse(s.intent))
            {
                QuestionVariants = [.. s.variants],
                Status = ArticleStatus.Published,
            }).ToArray();
            var matcher = Bm25KnowledgeMatcher.Build(articles, new Bm25MatcherOptions { StopWords = [], Stemming = false });

            var result = matcher.Match(new MatchRequest(query, MatchRequest.MaxCandidatesLimit));
            var reference = ReferenceBm25.Scores(articles, query, Bm25MatcherOptions.Default);

            foreach (var candidate in result.Candidates)
            {
                var expected = reference[candidate.Article!.Value];
                Assert.True(Math.Abs(expected - candidate.Score) <= 1e-3 * Math.Max(1, expected), $"{candidate}: expected {expected}");
            }

            Assert.Equal(reference.Count(r => r.Value > 0), result.Candidates.Length);
        });
    }
}
