using BenchmarkDotNet.Attributes;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;

namespace CustomerCare.Benchmarks.CompetenceRouting;

/// <summary>
/// One routing decision among 10,000 agents with 100 skills: a German chat that needs a specialist (level 2) with
/// skill 7 at proficiency 3 or more and skill 42 at 2 or more, chosen by longest idle time. The baseline is the plain
/// LINQ scan a first version would write: check every agent, order the eligible ones, take the first.
/// </summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmarks
{
    private RoutingEngine _engine = null!;
    private QueueEntry _entry = null!;
    private List<Agent> _agents = null!;
    private AgentRequirement _requirement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _agents = RoutingBenchmarkData.Agents();
        var skills = new[] { new SkillRequirement(RoutingBenchmarkData.SkillNumber(7), 3), new SkillRequirement(RoutingBenchmarkData.SkillNumber(42), 2) };
        var policy = new RoutingPolicy
        {
            DefaultRule = new ClassificationRule { Name = "specialists", EntryLevel = CompetenceLevel.SecondLevel, Skills = skills, Ladder = "only" },
            Ladders = [new EscalationLadder { Name = "only", Steps = [new LadderStep { Level = CompetenceLevel.SecondLevel }] }],
        };
        _engine = RoutingBenchmarkData.Engine(policy, _agents);
        _entry = _engine.CreateEntry(new RoutableConcern
        {
            Id = new ConcernId(Guid.CreateVersion7(RoutingBenchmarkData.Now.ToDateTimeOffset())),
            Channel = Channel.Chat,
            Reason = ContactReason.Parse("billing"),
            Language = Language.Parse("de"),
            EnqueuedAt = RoutingBenchmarkData.Now,
        });
        _requirement = new AgentRequirement { Level = CompetenceLevel.SecondLevel, Channel = Channel.Chat, Skills = skills, Language = Language.Parse("de") };

        if (!_engine.TrySelectAgent(_entry, RoutingBenchmarkData.Now, out var indexed) || indexed != NaiveLinqScan())
        {
            throw new InvalidOperationException("The indexed selection and the LINQ scan disagree; the comparison would be meaningless.");
        }
    }

    [Benchmark(Baseline = true, Description = "Naive LINQ scan")]
    public AgentId? NaiveLinqScan() =>
        _agents
            .Where(a => _requirement.Evaluate(a).IsEligible)
            .OrderBy(a => a.IdleSince)
            .ThenBy(a => a.Id)
            .Select(a => (AgentId?)a.Id)
            .FirstOrDefault();

    [Benchmark(Description = "Indexed selection (TrySelectAgent)")]
    public AgentId IndexedSelection()
    {
        _engine.TrySelectAgent(_entry, RoutingBenchmarkData.Now, out var agent);
        return agent;
    }

    [Benchmark(Description = "Indexed decision with explanation (Decide)")]
    public RoutingDecision DecisionWithExplanation() => _engine.Decide(_entry, RoutingBenchmarkData.Now);
}
