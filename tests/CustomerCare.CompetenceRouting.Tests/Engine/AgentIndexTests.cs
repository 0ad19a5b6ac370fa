using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Tests.Support;
using FsCheck.Xunit;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Engine;

/// <summary>The indexed selection against a plain scan of every agent with <c>AgentRequirement.Evaluate</c>.</summary>
public class AgentIndexTests
{
    [Property(Arbitrary = [typeof(RoutingArbitraries)], MaxTest = 500)]
    public bool Decide_AgreesWithReferenceWinner(PoolCase pool)
    {
        var engine = EngineFor(pool, ExplanationDetail.Candidates);

        var decision = engine.Decide(EntryFor(engine, pool), Start);

        return decision.Agent == pool.ReferenceWinner();
    }

    [Property(Arbitrary = [typeof(RoutingArbitraries)], MaxTest = 500)]
    public bool Explanation_CountsAgreeWithReference(PoolCase pool)
    {
        foreach (var detail in Enum.GetValues<ExplanationDetail>())
        {
            var engine = EngineFor(pool, detail);
            var explanation = engine.Decide(EntryFor(engine, pool), Start).Explanation;
            var reference = pool.ReferenceCounts();

            var countsAgree = Enum.GetValues<ExclusionReason>()
                .Where(r => r != ExclusionReason.None)
                .All(r => explanation.CountOf(r) == reference.GetValueOrDefault(r));
            var total = explanation.ExclusionCounts.Sum(c => c.Count) + explanation.EligibleAgents;
            if (!countsAgree || explanation.EligibleAgents != reference.GetValueOrDefault(ExclusionReason.None) || total != pool.Agents.Count)
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(RoutingArbitraries)], MaxTest = 300)]
    public bool Explanation_ListedReasonsMatchReference(PoolCase pool)
    {
        var engine = EngineFor(pool, ExplanationDetail.AllAgents);
        var requirement = pool.Requirement;

        var explanation = engine.Decide(EntryFor(engine, pool), Start).Explanation;

        return explanation.Exclusions.All(e => requirement.Evaluate(pool.Agents.Single(a => a.Id == e.Agent)) == e.Check)
            && explanation.Exclusions.Count + explanation.UnlistedExclusions == pool.Agents.Count - explanation.EligibleAgents;
    }

    [Property(Arbitrary = [typeof(RoutingArbitraries)], MaxTest = 300)]
    public bool TrySelectAgent_AgreesWithDecide(PoolCase pool)
    {
        var engine = EngineFor(pool, ExplanationDetail.Counts);
        var entry = EntryFor(engine, pool);

        var found = engine.TrySelectAgent(entry, Start, out var agent);

        return found ? agent == pool.ReferenceWinner() : pool.ReferenceWinner() is null;
    }

    [Property(Arbitrary = [typeof(RoutingArbitraries)], MaxTest = 200)]
    public bool Upsert_ReplacingEveryAgent_KeepsIndexConsistent(PoolCase pool)
    {
        var engine = EngineFor(pool, ExplanationDetail.Candidates);
        foreach (var agent in pool.Agents.Reverse())
        {
            engine.RemoveAgent(agent.Id);
            engine.UpsertAgent(agent with { Presence = CompetenceRouting.Agents.Presence.Offline });
            engine.UpsertAgent(agent);
        }

        var decision = engine.Decide(EntryFor(engine, pool), Start);

        return decision.Agent == pool.ReferenceWinner() && engine.AgentCount == pool.Agents.Count;
    }

    private static RoutingEngine EngineFor(PoolCase pool, ExplanationDetail detail)
    {
        var engine = new RoutingEngine(pool.Policy, new RoutingOptions { ExplanationDetail = detail, MaxListedExclusions = 10_000 });
        foreach (var agent in pool.Agents)
        {
            engine.UpsertAgent(agent);
        }

        return engine;
    }

    private static Queueing.QueueEntry EntryFor(RoutingEngine engine, PoolCase pool) =>
        engine.CreateEntry(pool.Concern) with { Rejections = pool.Rejected.Select(agent => new Queueing.Rejection(agent, Start)).ToArray() };
}
