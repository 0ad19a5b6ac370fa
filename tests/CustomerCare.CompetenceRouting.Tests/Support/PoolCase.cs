using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Tests.Support;

/// <summary>A random agent pool and one concern's requirement, for comparing the engine with a slow reference.</summary>
public sealed record PoolCase(
    IReadOnlyList<Agent> Agents,
    int Level,
    IReadOnlyList<SkillRequirement> Skills,
    Language? Language,
    bool MatchLanguage,
    Channel Channel,
    IReadOnlyList<AgentId> Rejected,
    DistributionMode Mode)
{
    public RoutingPolicy Policy => new()
    {
        Distribution = Mode,
        DefaultRule = new ClassificationRule { Name = "all", EntryLevel = CompetenceLevel.FirstLevel, Skills = Skills, Ladder = "only" },
        Ladders =
        [
            new EscalationLadder
            {
                Name = "only",
                Steps = [new LadderStep { Level = new CompetenceLevel(Level, "Level"), MatchLanguage = MatchLanguage }],
            },
        ],
    };

    public RoutableConcern Concern => Testing.CompetenceRouting.RoutingTestData.Concern(1, channel: Channel, language: Language?.Tag);

    /// <summary>Gets the requirement as the reference builds it, without the engine.</summary>
    public AgentRequirement Requirement => new()
    {
        Level = new CompetenceLevel(Level, "Level"),
        Channel = Channel,
        Skills = Skills,
        Language = MatchLanguage ? Language : null,
        ExcludedAgents = Rejected,
    };

    /// <summary>Returns the winner by a plain scan over every agent with the reference check.</summary>
    public AgentId? ReferenceWinner()
    {
        var requirement = Requirement;
        var eligible = Agents.Where(a => requirement.Evaluate(a).IsEligible).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        IOrderedEnumerable<Agent> ordered = Mode switch
        {
            DistributionMode.LeastBusy => eligible.OrderBy(a => (decimal)a.Load / a.Capacity.Units),
            DistributionMode.BestSkillMatch => eligible.OrderByDescending(a => Skills.Sum(s => a.ProficiencyIn(s.Skill))),
            DistributionMode.RoundRobin => eligible.OrderBy(a => a.Id),
            _ => eligible.OrderBy(_ => 0),
        };

        return ordered.ThenBy(a => a.IdleSince).ThenBy(a => a.Id).First().Id;
    }

    /// <summary>Returns the number of agents per exclusion reason by the reference check.</summary>
    public IReadOnlyDictionary<ExclusionReason, int> ReferenceCounts()
    {
        var requirement = Requirement;
        return Agents.Select(a => requirement.Evaluate(a).Reason).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
    }

    public override string ToString() =>
        $"level {Level}, skills [{string.Join(", ", Skills)}], language {Language} (match {MatchLanguage}), {Channel}, rejected {Rejected.Count}, {Mode}"
        + Environment.NewLine + string.Join(Environment.NewLine, Agents);
}
