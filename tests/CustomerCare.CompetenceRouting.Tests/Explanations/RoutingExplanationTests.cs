using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Tests.Support;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Explanations;

public class RoutingExplanationTests
{
    [Fact]
    public void ToString_ReadsAsInDocs()
    {
        var explanation = DocsScenario(ExplanationDetail.Candidates).Explanation;

        var text = explanation.ToString();

        Assert.Contains(text.ReplaceLineEndings("\n"), Docs.CodeBlocks(Docs.CompetenceRouting, "text").Select(block => block.TrimEnd('\n')));
    }

    [Fact]
    public void Structure_NamesRuleStepAgentsAndWinner()
    {
        var explanation = DocsScenario(ExplanationDetail.Candidates).Explanation;

        Assert.Equal("billing-complex", explanation.Classification.Rule);
        Assert.Equal("specialists", explanation.Step.Name);
        Assert.Equal(3, explanation.StepIndex);
        Assert.Equal(6, explanation.TotalAgents);
        Assert.Equal(3, explanation.ExaminedAgents);
        Assert.Equal(1, explanation.EligibleAgents);
        Assert.Equal(2, explanation.CountOf(ExclusionReason.WrongLevel));
        Assert.Equal(1, explanation.CountOf(ExclusionReason.Offline));
        Assert.Equal(0, explanation.CountOf(ExclusionReason.Away));
        Assert.Equal([AgentId(5), AgentId(6)], explanation.Exclusions.Select(e => e.Agent).Order());
        Assert.Equal(3, explanation.UnlistedExclusions);
        Assert.Equal(AgentId(4), explanation.Winner!.Value.Agent);
        Assert.Equal(RoutingOutcome.AgentSelected, explanation.Outcome);
        Assert.Equal(Core.Priority.P1, explanation.EffectivePriority);
    }

    [Fact]
    public void AllAgents_ListsEveryExcludedAgent()
    {
        var explanation = DocsScenario(ExplanationDetail.AllAgents).Explanation;

        Assert.Equal(6, explanation.ExaminedAgents);
        Assert.Equal(5, explanation.Exclusions.Count);
        Assert.Equal(0, explanation.UnlistedExclusions);
        Assert.Equal(ExclusionReason.WrongLevel, explanation.Exclusions.Single(e => e.Agent == AgentId(1)).Check.Reason);
    }

    [Fact]
    public void Counts_ListsNoAgent()
    {
        var explanation = DocsScenario(ExplanationDetail.Counts).Explanation;

        Assert.Empty(explanation.Exclusions);
        Assert.Equal(5, explanation.UnlistedExclusions);
        Assert.Equal(5, explanation.ExclusionCounts.Sum(c => c.Count));
    }

    [Fact]
    public void Listing_StopsAtLimit()
    {
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin), new RoutingOptions { MaxListedExclusions = 1 });
        AddDocsAgents(engine);

        var explanation = engine.Decide(engine.CreateEntry(DocsConcern()), Start).Explanation;

        Assert.Single(explanation.Exclusions);
        Assert.Equal(4, explanation.UnlistedExclusions);
        Assert.Contains("… and 4 more excluded agents not listed", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Waiting_SaysWhy()
    {
        var engine = new RoutingEngine(SimplePolicy());
        engine.UpsertAgent(Agent(1, Presence.Away));

        var text = engine.Decide(engine.CreateEntry(Concern(1)), Start).Explanation.ToString();

        Assert.StartsWith($"Concern {ConcernId(1)}: waits, no agent can take it now", text, StringComparison.Ordinal);
        Assert.Contains("Excluded: Away 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Winner", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Exhausted_SaysProcedureMustDecide()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var entry = engine.CreateEntry(Concern(1)) with { StepIndex = 1, StepDeadline = null };
        var exhausted = engine.Decide(entry with { ExhaustedAt = Start }, Start + Duration.FromMinutes(1));

        Assert.Contains("ladder exhausted: the procedure must decide", exhausted.Explanation.ToString(), StringComparison.Ordinal);
    }

    private static RoutingDecision DocsScenario(ExplanationDetail detail)
    {
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin), new RoutingOptions { ExplanationDetail = detail, MaxListedExclusions = 25 });
        AddDocsAgents(engine);
        return engine.Decide(engine.CreateEntry(DocsConcern()), Start);
    }

    private static RoutableConcern DocsConcern() => Concern(1, "billing/refund", 4, language: "de", preferredAgent: 2);

    private static void AddDocsAgents(RoutingEngine engine)
    {
        engine.UpsertAgent(Agent(1, levels: "1", skills: "billing:5"));
        engine.UpsertAgent(Agent(2, Presence.Offline, levels: "1", skills: "billing:3"));
        engine.UpsertAgent(Agent(3, Presence.Offline, levels: "2", skills: "billing:5"));
        engine.UpsertAgent(Agent(4, levels: "2", skills: "billing:4", languages: "de"));
        engine.UpsertAgent(Agent(5, levels: "2", skills: "billing:2", languages: "de"));
        engine.UpsertAgent(Agent(6, levels: "2", skills: "billing:3", languages: "fr"));
    }
}
