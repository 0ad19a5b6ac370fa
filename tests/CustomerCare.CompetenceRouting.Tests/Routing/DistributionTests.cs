using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public class DistributionTests
{
    private static readonly AgentCapacity FiveChats = new(5, [new(Channel.Chat, 1)]);

    [Theory]
    [InlineData(DistributionMode.LongestIdle, 2, 1200)]
    [InlineData(DistributionMode.LeastBusy, 4, 0)]
    [InlineData(DistributionMode.BestSkillMatch, 3, 5)]
    [InlineData(DistributionMode.RoundRobin, 1, 0)]
    public void Decide_ModeChoosesWinner(DistributionMode mode, long winner, long score)
    {
        var engine = EngineWithFourAgents(mode);

        var decision = engine.Decide(engine.CreateEntry(Concern(1, channel: Channel.Chat)), Start);

        Assert.Equal(AgentId(winner), decision.Agent);
        Assert.Equal(score, decision.Explanation.Winner!.Value.Score);
        Assert.Equal(mode, decision.Explanation.Winner.Value.Mode);
    }

    [Fact]
    public void RouteWaiting_RoundRobin_RotatesAndWraps()
    {
        var engine = EngineWithFourAgents(DistributionMode.RoundRobin);
        var entries = Enumerable.Range(1, 6).Select(n => engine.CreateEntry(Concern(n, channel: Channel.Chat, enqueuedAt: Start + Duration.FromSeconds(n)))).ToArray();

        var decisions = engine.RouteWaiting(entries, Start + Duration.FromMinutes(1));

        Assert.Equal([1, 2, 3, 4, 1, 2], decisions.Select(d => (int)(d.Agent!.Value.Value.ToByteArray(bigEndian: true)[15])));
    }

    [Fact]
    public void RouteWaiting_LongestIdle_SpreadsWork()
    {
        var engine = EngineWithFourAgents(DistributionMode.LongestIdle);
        var entries = Enumerable.Range(1, 4).Select(n => engine.CreateEntry(Concern(n, channel: Channel.Chat, enqueuedAt: Start + Duration.FromSeconds(n)))).ToArray();

        var decisions = engine.RouteWaiting(entries, Start + Duration.FromMinutes(1));

        Assert.Equal([AgentId(2), AgentId(4), AgentId(1), AgentId(3)], decisions.Select(d => d.Agent!.Value));
    }

    [Fact]
    public void Decide_LadderDistribution_OverridesPolicy()
    {
        var engine = EngineWithFourAgents(DistributionMode.LongestIdle, ladderMode: DistributionMode.BestSkillMatch);

        var decision = engine.Decide(engine.CreateEntry(Concern(1, channel: Channel.Chat)), Start);

        Assert.Equal(AgentId(3), decision.Agent);
    }

    [Fact]
    public void Decide_LeastBusy_ComparesShareNotUnits()
    {
        var policy = Policy(DistributionMode.LeastBusy, null);
        var engine = new RoutingEngine(policy);
        engine.UpsertAgent(WithLoad(Agent(1, skills: "billing:2", capacity: new AgentCapacity(10, [new(Channel.Chat, 1)])), 3));
        engine.UpsertAgent(WithLoad(Agent(2, skills: "billing:2", capacity: new AgentCapacity(100, [new(Channel.Chat, 1)])), 20));

        var decision = engine.Decide(engine.CreateEntry(Concern(1, channel: Channel.Chat)), Start);

        Assert.Equal(AgentId(2), decision.Agent);
        Assert.Equal(200, decision.Explanation.Winner!.Value.Score);
        Assert.StartsWith("20% of capacity in use (20 of 100 units)", decision.Explanation.Winner.Value.ToString(), StringComparison.Ordinal);
    }

    private static RoutingEngine EngineWithFourAgents(DistributionMode mode, DistributionMode? ladderMode = null)
    {
        var engine = new RoutingEngine(Policy(mode, ladderMode));
        engine.UpsertAgent(Agent(1, skills: "billing:2", capacity: FiveChats, idleSince: Start - Duration.FromMinutes(10)));
        engine.UpsertAgent(WithLoad(Agent(2, skills: "billing:3", capacity: FiveChats, idleSince: Start - Duration.FromMinutes(20)), 3));
        engine.UpsertAgent(WithLoad(Agent(3, skills: "billing:5", capacity: FiveChats, idleSince: Start - Duration.FromMinutes(5)), 1));
        engine.UpsertAgent(Agent(4, skills: "billing:2", capacity: FiveChats, idleSince: Start - Duration.FromMinutes(20)));
        return engine;
    }

    private static Agent WithLoad(Agent agent, int concerns) =>
        agent with { Assignments = Enumerable.Range(500, concerns).Select(n => new AgentAssignment(ConcernId(n), Channel.Chat, 1, Start)).ToArray() };

    private static RoutingPolicy Policy(DistributionMode mode, DistributionMode? ladderMode) => new()
    {
        Distribution = mode,
        DefaultRule = new ClassificationRule { Name = "billing", EntryLevel = CompetenceLevel.FirstLevel, Skills = [new SkillRequirement(Skill.Parse("billing"), 2)], Ladder = "billing" },
        Ladders = [new EscalationLadder { Name = "billing", Distribution = ladderMode, Steps = [new LadderStep { Level = CompetenceLevel.FirstLevel }] }],
    };
}
