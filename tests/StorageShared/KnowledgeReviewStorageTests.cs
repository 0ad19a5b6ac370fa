using CustomerCare.Core;
using CustomerCare.SelfService;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.Tests;

/// <summary>
/// The knowledge review loop on a real database. Every simulated host instance has stores of its own, so concurrent
/// calls of two instances use separate connections, as two processes would.
/// </summary>
public abstract class KnowledgeReviewStorageTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 10, 0);
    private static readonly AgentId Reviewer = AgentId.New(Start);
    private static readonly ContactReason PreAuthorization = ContactReason.Parse("cards/pre-authorization");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Returns the stores of a new host instance on the test's database.</summary>
    protected abstract (IKnowledgeStore Articles, IKnowledgeCandidateStore Candidates) CreateInstance();

    [Fact]
    public async Task Publish_TwoInstancesAtOnce_OneArticle()
    {
        var first = CreateInstance();
        var second = CreateInstance();
        var reviewFirst = new KnowledgeReview(first.Candidates, first.Articles, new FakeClock(Start));
        var reviewSecond = new KnowledgeReview(second.Candidates, second.Articles, new FakeClock(Start));

        for (var round = 0; round < 10; round++)
        {
            var candidate = (await reviewFirst.ProposeAsync(Resolved(ConcernId.New(Start + Duration.FromSeconds(round))), Cancel))!;
            await reviewFirst.ApproveAsync(candidate.Id, Reviewer, cancellationToken: Cancel);

            var published = await Task.WhenAll(
                Task.Run(() => TryPublishAsync(reviewFirst, candidate.Id)),
                Task.Run(() => TryPublishAsync(reviewSecond, candidate.Id)));

            Assert.Equal(1, published.Count(p => p));
            var stored = (await second.Candidates.FindAsync(candidate.Id, Cancel))!;
            Assert.Equal(KnowledgeCandidateStatus.Published, stored.Status);
            Assert.Equal(3, stored.Version);
            Assert.Equal(1, (await first.Articles.FindAsync(new ArticleId(candidate.Id.Value), Cancel))!.Version);
        }

        Assert.Equal(10, (await second.Articles.ListAsync(ArticleStatus.Published, null, 100, Cancel)).Count);
    }

    [Fact]
    public async Task Propose_TwoInstancesSameConcern_OneCandidate()
    {
        var instances = new[] { CreateInstance(), CreateInstance() };
        var concern = ConcernId.New(Start);

        var proposed = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            new KnowledgeReview(instances[i % 2].Candidates, instances[i % 2].Articles, new FakeClock(Start)).ProposeAsync(Resolved(concern), Cancel))));

        Assert.Single(proposed.Select(c => c!.Id).Distinct());
        Assert.Single(await instances[1].Candidates.ListAsync(null, null, 10, Cancel));
    }

    [Fact]
    public async Task RecordFeedback_TwoInstances_CountsKeyOnce()
    {
        var first = CreateInstance();
        var second = CreateInstance();
        var article = await first.Articles.SaveAsync(
            new KnowledgeArticle(ArticleId.New(Start), "Your new card has not arrived", "Cards arrive within 7 working days.", ContactReason.Parse("cards/arrival")),
            Cancel);

        // Every key arrives once at each instance at about the same moment, as a retried request might.
        await Task.WhenAll(Enumerable.Range(0, 40).SelectMany(i => new[] { first, second }.Select(instance =>
            Task.Run(() => instance.Articles.RecordFeedbackAsync(article.Id, i % 4 != 0, $"ssc-{i}/turn-1", Cancel)))));

        Assert.Equal(new ArticleFeedback(30, 10), (await second.Articles.GetFeedbackAsync(Cancel))[article.Id]);
    }

    [Fact]
    public async Task Loop_PublishedCandidate_AnsweredAfterRestart()
    {
        var before = CreateInstance();
        await before.Articles.SaveAsync(new KnowledgeArticle(ArticleId.New(Start), "Your new card has not arrived", "Cards arrive within 7 working days.", ContactReason.Parse("cards/arrival"))
        {
            QuestionVariants = ["where is my new card", "my card has still not arrived"],
            Status = ArticleStatus.Published,
        },
        Cancel);
        var review = new KnowledgeReview(before.Candidates, before.Articles, new FakeClock(Start));
        var candidate = (await review.ProposeAsync(Resolved(ConcernId.New(Start)), Cancel))!;
        await review.ApproveAsync(candidate.Id, Reviewer, cancellationToken: Cancel);
        var published = await review.PublishAsync(candidate.Id, Reviewer, Cancel);

        var after = CreateInstance();
        var matcher = await KnowledgeIndexLoader.LoadAsync(after.Articles, cancellationToken: Cancel);
        var match = matcher.Match(new MatchRequest("why was I charged twice at the petrol station"));

        Assert.True(published.Succeeded);
        Assert.Equal(published.Article!.Id, match.TopArticle);
        Assert.Equal(PreAuthorization, match.TopIntent);
    }

    private static ResolvedConcern Resolved(ConcernId concern) => new(
        concern,
        "I was charged twice at the petrol station",
        "A petrol station reserves an amount first and charges the final amount later. The reservation drops within 8 days.",
        PreAuthorization,
        CompetenceLevel.SecondLevel,
        Start);

    private static async Task<bool> TryPublishAsync(KnowledgeReview review, KnowledgeCandidateId id)
    {
        try
        {
            return (await review.PublishAsync(id, Reviewer, Cancel)).Succeeded;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }
}
