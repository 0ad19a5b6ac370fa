using CustomerCare.Core;
using CustomerCare.Testing.SelfService;
using NodaTime;
using NodaTime.Testing;

// These tests run on in-memory stores and finish in milliseconds; the cancellation they test is their own token.
#pragma warning disable xUnit1051

namespace CustomerCare.SelfService.Tests.Candidates;

public class KnowledgeReviewTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 10, 0);
    private static readonly AgentId Reviewer = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000f1"));

    private readonly FakeClock _clock = new(Start, Duration.FromSeconds(1));
    private readonly InMemoryKnowledgeCandidateStore _candidates = new();
    private readonly InMemoryKnowledgeStore _store = new();

    private KnowledgeReview CreateReview() => new(_candidates, _store, _clock);

    private static ResolvedConcern Resolved(CompetenceLevel level, ConcernId? concern = null) => new(
        concern ?? ConcernId.New(Start),
        "I was charged twice at the petrol station",
        "A petrol station reserves an amount first and charges the final amount later; the reservation drops within 8 days.",
        ContactReason.Parse("cards/pre-authorization"),
        level,
        Start);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public async Task ProposeAsync_OnlyFromLevelTwoDown(int rank, bool proposed)
    {
        var candidate = await CreateReview().ProposeAsync(Resolved(new CompetenceLevel(rank, "Level")));

        Assert.Equal(proposed, candidate is not null);
        Assert.Equal(proposed ? 1 : 0, (await _candidates.ListAsync(null, null, 10)).Count);
    }

    [Fact]
    public async Task ProposeAsync_SameConcernTwice_KeepsOne()
    {
        var review = CreateReview();
        var concern = ConcernId.New(Start);

        var first = await review.ProposeAsync(Resolved(CompetenceLevel.SecondLevel, concern));
        var second = await review.ProposeAsync(Resolved(CompetenceLevel.ThirdLevel, concern));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Review_ApproveWithEditsThenPublish_CreatesArticle()
    {
        var review = CreateReview();
        var candidate = (await review.ProposeAsync(Resolved(CompetenceLevel.SecondLevel)))!;

        var approved = await review.ApproveAsync(candidate.Id, Reviewer, resolution: "Edited resolution.");
        var published = await review.PublishAsync(candidate.Id, Reviewer);

        Assert.True(approved.Succeeded);
        Assert.Equal(KnowledgeCandidateStatus.Approved, approved.Candidate!.Status);
        Assert.True(published.Succeeded);
        Assert.Equal(KnowledgeCandidateStatus.Published, published.Candidate!.Status);
        var article = (await _store.FindAsync(published.Candidate.PublishedArticle!.Value))!;
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal("Edited resolution.", article.Answer);
        Assert.Equal([candidate.Question], article.QuestionVariants);
        Assert.Equal(candidate.Id, article.SourceCandidate);
        Assert.Equal(article, published.Article);
    }

    [Fact]
    public async Task Review_InvalidSteps_ReturnProblems()
    {
        var review = CreateReview();
        var candidate = (await review.ProposeAsync(Resolved(CompetenceLevel.SecondLevel)))!;

        var publishUnapproved = await review.PublishAsync(candidate.Id, Reviewer);
        var rejected = await review.RejectAsync(candidate.Id, Reviewer, "Already covered by the card payments article.");
        var approveRejected = await review.ApproveAsync(candidate.Id, Reviewer);
        var missing = await review.ApproveAsync(KnowledgeCandidateId.New(Start), Reviewer);

        Assert.False(publishUnapproved.Succeeded);
        Assert.Contains("only approved candidates can be published", publishUnapproved.Problem, StringComparison.Ordinal);
        Assert.True(rejected.Succeeded);
        Assert.Equal("Already covered by the card payments article.", rejected.Candidate!.ReviewNote);
        Assert.False(approveRejected.Succeeded);
        Assert.Contains("is Rejected", approveRejected.Problem, StringComparison.Ordinal);
        Assert.False(missing.Succeeded);
        Assert.Null(missing.Candidate);
    }

    [Fact]
    public async Task PublishAsync_RetryAfterArticleWritten_DoesNotDuplicate()
    {
        var review = CreateReview();
        var candidate = (await review.ProposeAsync(Resolved(CompetenceLevel.SecondLevel)))!;
        await review.ApproveAsync(candidate.Id, Reviewer);

        // A crash after the article was written but before the candidate was marked published.
        var crashing = new KnowledgeReview(new FailingOnSave(_candidates), _store, _clock);
        await Assert.ThrowsAsync<IOException>(() => crashing.PublishAsync(candidate.Id, Reviewer));
        var retried = await review.PublishAsync(candidate.Id, Reviewer);

        Assert.True(retried.Succeeded);
        Assert.Single(await _store.ListAsync(null, null, 10));
        Assert.Equal(1, retried.Article!.Version);
    }

    [Fact]
    public async Task Loop_UnansweredConcernResolvedAtLevelTwo_IsAnsweredAfterPublishing()
    {
        foreach (var article in Articles.Banking())
        {
            await _store.SaveAsync(article);
        }

        var policy = new SelfServicePolicy { Confidence = new ConfidencePolicy(new ConfidenceThresholds(0.85, 0.3)) };
        var conversationId = SelfServiceConversationId.New(Start);
        var before = new SelfServiceEngine(await KnowledgeIndexLoader.LoadAsync(_store), policy)
            .Ask(SelfServiceConversation.Start(conversationId, null, Channel.Chat, Start), new SelfServiceRequest("I was charged twice at the petrol station", Start));
        Assert.Equal(HandOffReason.LowConfidence, before.HandOff!.Reason);

        var review = CreateReview();
        var candidate = (await review.ProposeAsync(Resolved(CompetenceLevel.SecondLevel)))!;
        await review.ApproveAsync(candidate.Id, Reviewer);
        var published = await review.PublishAsync(candidate.Id, Reviewer);

        var after = new SelfServiceEngine(await KnowledgeIndexLoader.LoadAsync(_store), policy)
            .Ask(SelfServiceConversation.Start(conversationId, null, Channel.Chat, Start), new SelfServiceRequest("Why was I charged twice at a petrol station?", Start));
        Assert.Equal(SelfServiceOutcomeKind.Answered, after.Kind);
        Assert.Equal(published.Article!.Id, after.Articles[0].Article);
    }

    private sealed class FailingOnSave(IKnowledgeCandidateStore inner) : IKnowledgeCandidateStore
    {
        public Task<KnowledgeCandidate> ProposeAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default) => inner.ProposeAsync(candidate, cancellationToken);

        public Task<KnowledgeCandidate?> FindAsync(KnowledgeCandidateId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public Task<KnowledgeCandidate> SaveAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default) => throw new IOException("disk gone");

        public Task<IReadOnlyList<KnowledgeCandidate>> ListAsync(KnowledgeCandidateStatus? status, KnowledgeCandidateId? after, int limit, CancellationToken cancellationToken = default) =>
            inner.ListAsync(status, after, limit, cancellationToken);
    }
}
