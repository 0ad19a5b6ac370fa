using CustomerCare.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;

namespace CustomerCare.SelfService.Tests.Conversations;

public class SelfServiceEngineTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 10, 0);

    private static readonly SelfServiceConversationId ConversationId = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb"));

    private static SelfServiceConversation NewConversation() =>
        SelfServiceConversation.Start(ConversationId, new CustomerId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aacc")), Channel.Chat, Now);

    private static SelfServiceEngine CreateEngine(SelfServicePolicy? policy = null, IKnowledgeMatcher? matcher = null, AutomationCatalog? automations = null, ILogger<SelfServiceEngine>? logger = null) =>
        new(matcher ?? new FixedMatcher(), policy, automations, logger);

    [Theory]
    [InlineData(0.95, SelfServiceOutcomeKind.Answered)]
    [InlineData(0.9, SelfServiceOutcomeKind.Answered)]
    [InlineData(0.5, SelfServiceOutcomeKind.Suggested)]
    [InlineData(0.1, SelfServiceOutcomeKind.HandedOff)]
    public void Ask_ConfidenceBand_DecidesOutcome(double confidence, SelfServiceOutcomeKind expected)
    {
        var engine = CreateEngine(matcher: new FixedMatcher(confidence));

        var outcome = engine.Ask(NewConversation(), new SelfServiceRequest("where is my card", Now));

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(2, outcome.Conversation.Transcript.Length);
    }

    [Fact]
    public void Ask_Answered_CarriesBestArticleAndAwaitsFeedback()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.97));

        var outcome = engine.Ask(NewConversation(), new SelfServiceRequest("where is my card", Now));

        Assert.Equal(FixedMatcher.First, Assert.Single(outcome.Articles));
        Assert.Equal(ConversationState.Answered, outcome.Conversation.State);
        Assert.Equal(FixedMatcher.First, outcome.Conversation.LastAnswer);
    }

    [Fact]
    public void Ask_Suggested_ReturnsUpToThreeArticles()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.5));

        var outcome = engine.Ask(NewConversation(), new SelfServiceRequest("card", Now));

        Assert.Equal(3, outcome.Articles.Length);
        Assert.Equal(TranscriptEntryKind.Suggestions, outcome.Conversation.Transcript[^1].Kind);
    }

    [Theory]
    [InlineData("I want to talk to a real person")]
    [InlineData("AGENT")]
    [InlineData("can I speak with a human please")]
    public void Ask_PersonRequestedInWords_HandsOffBeforeMatching(string text)
    {
        var matcher = new FixedMatcher(0.99);
        var engine = CreateEngine(matcher: matcher);

        var outcome = engine.Ask(NewConversation(), new SelfServiceRequest(text, Now));

        Assert.Equal(HandOffReason.CustomerAskedForPerson, outcome.HandOff!.Reason);
        Assert.Equal(0, matcher.Calls);
    }

    [Fact]
    public void Ask_PersonButton_HandsOff()
    {
        var outcome = CreateEngine(matcher: new FixedMatcher(0.99)).Ask(NewConversation(), new SelfServiceRequest("my card", Now) { AsksForPerson = true });

        Assert.Equal(HandOffReason.CustomerAskedForPerson, outcome.HandOff!.Reason);
    }

    [Fact]
    public void Ask_OpenConcernWithPerson_HandsOffRegardlessOfScore()
    {
        var outcome = CreateEngine(matcher: new FixedMatcher(0.99)).Ask(NewConversation(), new SelfServiceRequest("my card", Now) { HasOpenConcernWithPerson = true });

        Assert.Equal(HandOffReason.OpenConcernWithPerson, outcome.HandOff!.Reason);
    }

    [Fact]
    public void Ask_SensitiveIntentOrAncestor_HandsOffWithCandidates()
    {
        var policy = new SelfServicePolicy { SensitiveIntents = new HashSet<ContactReason> { ContactReason.Parse("cards") } };

        var outcome = CreateEngine(policy, new FixedMatcher(0.99)).Ask(NewConversation(), new SelfServiceRequest("my card", Now));

        Assert.Equal(HandOffReason.SensitiveIntent, outcome.HandOff!.Reason);
        Assert.Equal(3, outcome.HandOff.Candidates.Length);
        Assert.Equal(0.99, outcome.HandOff.Confidence);
        Assert.Equal(ContactReason.Parse("cards/arrival"), outcome.HandOff.Intent);
    }

    [Theory]
    [InlineData(null, SelfServiceOutcomeKind.Answered)]
    [InlineData(100.0, SelfServiceOutcomeKind.Answered)]
    [InlineData(100.01, SelfServiceOutcomeKind.HandedOff)]
    public void Ask_AmountAboveLimit_HandsOff(double? amount, SelfServiceOutcomeKind expected)
    {
        var policy = new SelfServicePolicy { AmountLimits = new Dictionary<ContactReason, decimal> { [ContactReason.Parse("cards")] = 100m } };

        var outcome = CreateEngine(policy, new FixedMatcher(0.99))
            .Ask(NewConversation(), new SelfServiceRequest("refund", Now) { Amount = (decimal?)amount });

        Assert.Equal(expected, outcome.Kind);
    }

    [Fact]
    public void Ask_ThirdQuery_HandsOffAfterTwoRephrasings()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.5));
        var conversation = NewConversation();

        var first = engine.Ask(conversation, new SelfServiceRequest("card", Now));
        var second = engine.Ask(first.Conversation, new SelfServiceRequest("my card", Now + Duration.FromSeconds(20)));
        var third = engine.Ask(second.Conversation, new SelfServiceRequest("card never came", Now + Duration.FromSeconds(40)));

        Assert.Equal(SelfServiceOutcomeKind.Suggested, first.Kind);
        Assert.Equal(SelfServiceOutcomeKind.Suggested, second.Kind);
        Assert.Equal(HandOffReason.RepeatedRephrasing, third.HandOff!.Reason);
        Assert.Equal(2, third.Conversation.Rephrasings);
    }

    [Fact]
    public void GiveFeedback_Rejected_HandsOffWithWholeTranscript()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.97));
        var answered = engine.Ask(NewConversation(), new SelfServiceRequest("where is my card", Now));

        var outcome = engine.GiveFeedback(answered.Conversation, helped: false, Now + Duration.FromMinutes(1));

        Assert.Equal(HandOffReason.AnswerRejected, outcome.HandOff!.Reason);
        Assert.Equal(
            [TranscriptEntryKind.Query, TranscriptEntryKind.Answer, TranscriptEntryKind.Feedback, TranscriptEntryKind.HandOff],
            outcome.HandOff.Transcript.Select(e => e.Kind));
        Assert.Equal("where is my card", outcome.HandOff.Transcript[0].Text);
        Assert.Equal(FixedMatcher.First, Assert.Single(outcome.HandOff.Candidates));
        Assert.True(outcome.Conversation.IsClosed);
    }

    [Fact]
    public void GiveFeedback_Helped_ResolvesWithResolution()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.97));
        var answered = engine.Ask(NewConversation(), new SelfServiceRequest("where is my card", Now));

        var outcome = engine.GiveFeedback(answered.Conversation, helped: true, Now + Duration.FromMinutes(1));

        Assert.Equal(SelfServiceOutcomeKind.Resolved, outcome.Kind);
        Assert.Equal(ConversationState.Resolved, outcome.Conversation.State);
        Assert.Equal(new SelfServiceResolution(ConversationId, answered.Conversation.Customer, FixedMatcher.First.Intent, FixedMatcher.First.Article, Channel.Chat, Now + Duration.FromMinutes(1)), outcome.Resolution);
    }

    [Fact]
    public void GiveFeedback_WithoutAnswer_Throws()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.5));
        var suggested = engine.Ask(NewConversation(), new SelfServiceRequest("card", Now));

        Assert.Throws<InvalidOperationException>(() => engine.GiveFeedback(suggested.Conversation, true, Now));
    }

    [Fact]
    public void ChooseSuggestion_BecomesAnswer()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.5));
        var suggested = engine.Ask(NewConversation(), new SelfServiceRequest("card", Now));

        var chosen = engine.ChooseSuggestion(suggested.Conversation, FixedMatcher.Second.Article!.Value, Now);
        var resolved = engine.GiveFeedback(chosen.Conversation, true, Now);

        Assert.Equal(SelfServiceOutcomeKind.Answered, chosen.Kind);
        Assert.Equal(FixedMatcher.Second.Article, resolved.Resolution!.Article);
    }

    [Fact]
    public void ChooseSuggestion_NotSuggested_Throws()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.5));
        var suggested = engine.Ask(NewConversation(), new SelfServiceRequest("card", Now));

        Assert.Throws<InvalidOperationException>(() => engine.ChooseSuggestion(suggested.Conversation, Articles.NextId(), Now));
    }

    [Fact]
    public void Ask_ClosedConversation_Throws()
    {
        var engine = CreateEngine(matcher: new FixedMatcher(0.1));
        var handedOff = engine.Ask(NewConversation(), new SelfServiceRequest("card", Now));

        var exception = Assert.Throws<InvalidOperationException>(() => engine.Ask(handedOff.Conversation, new SelfServiceRequest("hello?", Now)));

        Assert.Contains("HandedOff", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AutomationForIntent_IsOffered()
    {
        var automation = new AutomationDefinition("card-reorder", ContactReason.Parse("cards"), [new AutomationStep("reorder", AutomationStepKind.Act, (_, _) => ValueTask.FromResult(AutomationStepResult.Completed("done")))]);
        var engine = CreateEngine(matcher: new FixedMatcher(0.97), automations: new AutomationCatalog([automation]));

        var outcome = engine.Ask(NewConversation(), new SelfServiceRequest("new card", Now));

        Assert.Same(automation, outcome.Automation);
    }

    [Fact]
    public void Ask_Logs_IdsButNeverText()
    {
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions());
        var logger = new FakeLogger<SelfServiceEngine>(collector);
        var engine = CreateEngine(matcher: new FixedMatcher(0.97), logger: logger);

        engine.Ask(NewConversation(), new SelfServiceRequest("my secret text about card", Now));

        var record = Assert.Single(collector.GetSnapshot());
        Assert.Equal(5000, record.Id.Id);
        Assert.Contains(ConversationId.ToString(), record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_RealMatcher_AnswersAndHandsOff()
    {
        var engine = new SelfServiceEngine(Bm25KnowledgeMatcher.Build(Articles.Banking()), new SelfServicePolicy { Confidence = new ConfidencePolicy(new ConfidenceThresholds(0.8, 0.3)) });

        var answered = engine.Ask(NewConversation(), new SelfServiceRequest("delete my account please", Now));
        var unknown = engine.Ask(NewConversation(), new SelfServiceRequest("zebra xylophone", Now));

        Assert.Equal(SelfServiceOutcomeKind.Answered, answered.Kind);
        Assert.Equal(ContactReason.Parse("account/close"), answered.Articles[0].Intent);
        Assert.Equal(HandOffReason.LowConfidence, unknown.HandOff!.Reason);
        Assert.Empty(unknown.HandOff.Candidates);
    }

    /// <summary>Returns three fixed candidates with a chosen confidence and counts calls.</summary>
    private sealed class FixedMatcher(double confidence = 0.97) : IKnowledgeMatcher
    {
        public static readonly MatchCandidate First = new(new ArticleId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-000000000001")), ContactReason.Parse("cards/arrival"), 10);
        public static readonly MatchCandidate Second = new(new ArticleId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-000000000002")), ContactReason.Parse("cards/lost"), 8);
        public static readonly MatchCandidate Third = new(new ArticleId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-000000000003")), ContactReason.Parse("cards/pin"), 6);

        public int Calls { get; private set; }

        public MatchResult Match(MatchRequest request)
        {
            Calls++;
            return new MatchResult([First, Second, Third], confidence, new MatchSignals(0.5, 0.5));
        }
    }
}
