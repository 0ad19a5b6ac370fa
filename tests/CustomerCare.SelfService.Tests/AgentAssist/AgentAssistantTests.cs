using CustomerCare.Core;

namespace CustomerCare.SelfService.Tests.AgentAssist;

public class AgentAssistantTests
{
    [Fact]
    public void Suggest_WithoutIntent_FollowsMatcherOrder()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());
        var assistant = new AgentAssistant(matcher);

        var suggestions = assistant.Suggest(new AgentAssistRequest("card pin blocked", maxSuggestions: 2));

        Assert.Equal(matcher.Match(new MatchRequest("card pin blocked", 2)).Candidates, suggestions.Candidates);
    }

    [Fact]
    public void Suggest_ConcernIntent_MovesItsArticlesFirst()
    {
        var assistant = new AgentAssistant(Bm25KnowledgeMatcher.Build(Articles.Banking()));

        var suggestions = assistant.Suggest(new AgentAssistRequest("my card is blocked and a transfer is pending", ContactReason.Parse("transfers")));

        Assert.StartsWith("transfers/", suggestions.Candidates[0].Intent.Code, StringComparison.Ordinal);
        Assert.InRange(suggestions.Candidates.Length, 2, 3);
    }

    [Fact]
    public void Suggest_PublishedCandidate_ReachesFirstLevel()
    {
        var articles = Articles.Banking().Append(Articles.Published("cards/pre-authorization", "Charged twice at a petrol station", "charged twice at the petrol station")).ToArray();
        var assistant = new AgentAssistant(Bm25KnowledgeMatcher.Build(articles));

        var suggestions = assistant.Suggest(new AgentAssistRequest("customer says the petrol station charged twice"));

        Assert.Equal(articles[^1].Id, suggestions.Candidates[0].Article);
    }

    [Fact]
    public void Suggest_NothingMatches_ReturnsNone()
    {
        var assistant = new AgentAssistant(Bm25KnowledgeMatcher.Build(Articles.Banking()));

        Assert.Same(MatchResult.None, assistant.Suggest(new AgentAssistRequest("zebra")));
        Assert.Throws<ArgumentException>(() => assistant.Suggest(default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentAssistRequest("x", null, 11));
    }
}
