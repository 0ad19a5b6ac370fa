using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Support;

/// <summary>Generators for routing tests: agent pools small enough to shrink, with every exclusion reason likely.</summary>
public static class RoutingArbitraries
{
    private static readonly Skill[] Skills = new[] { "billing", "sepa", "network", "contracts", "moving" }.Select(Skill.Parse).ToArray();
    private static readonly Language[] Languages = new[] { "de", "en", "fr", "de-at", "de-ch" }.Select(Language.Parse).ToArray();
    private static readonly Channel[] Channels = [Channel.Phone, Channel.Chat, Channel.Email];

    public static Arbitrary<PoolCase> PoolCase() => PoolCaseGen.ToArbitrary();

    private static Gen<PoolCase> PoolCaseGen =>
        from count in Gen.Choose(0, 30)
        from agents in Gen.ArrayOf(AgentGen, count)
        from level in Gen.Choose(1, 3)
        from skillCount in Gen.Choose(0, 2)
        from skills in Gen.Shuffle(Skills)
        from minimums in Gen.ArrayOf(Gen.Choose(1, 5), skillCount)
        from language in Gen.Elements(Languages).Select(l => (Language?)l).Or(Gen.Constant<Language?>(null))
        from matchLanguage in Gen.Elements(true, true, false)
        from channel in Gen.Elements(Channels)
        from rejectedCount in Gen.Choose(0, 3)
        from mode in Gen.Elements(Enum.GetValues<DistributionMode>())
        let numbered = agents.Select((a, i) => a with { Id = AgentId(i + 1) }).ToArray()
        select new PoolCase(
            numbered,
            level,
            skills.Take(skillCount).Select((s, i) => new SkillRequirement(s, minimums[i])).ToArray(),
            language,
            matchLanguage,
            channel,
            numbered.Take(rejectedCount).Select(a => a.Id).ToArray(),
            mode);

    private static Gen<Agent> AgentGen =>
        from levels in Gen.SubListOf(new[] { 1, 2, 3 }).Where(l => l.Count > 0)
        from skillCount in Gen.Choose(0, 4)
        from skills in Gen.Shuffle(Skills)
        from proficiencies in Gen.ArrayOf(Gen.Choose(1, 5), skillCount)
        from languages in Gen.SubListOf(Languages)
        from presence in Gen.Frequency((5, Gen.Constant(Presence.Available)), (1, Gen.Constant(Presence.Offline)), (1, Gen.Constant(Presence.Away)), (1, Gen.Constant(Presence.Busy)))
        from units in Gen.Choose(1, 5)
        from phone in Gen.Choose(0, units)
        from chat in Gen.Choose(0, units)
        from held in Gen.Choose(0, units)
        from idleMinutes in Gen.Choose(0, 6)
        let costs = new[] { (Channel.Phone, phone), (Channel.Chat, chat) }.Where(c => c.Item2 > 0).Select(c => new KeyValuePair<Channel, int>(c.Item1, c.Item2))
        select new Agent
        {
            Id = AgentId(1),
            Levels = levels.Select(r => new CompetenceLevel(r, "Level")).ToArray(),
            Skills = skills.Take(skillCount).Select((s, i) => new SkillProficiency(s, proficiencies[i])).ToArray(),
            Languages = languages.ToArray(),
            Capacity = new AgentCapacity(units, costs),
            Presence = presence,
            Assignments = Enumerable.Range(0, held).Select(i => new AgentAssignment(ConcernId(1000 + i), Channel.Email, 1, Start)).ToArray(),
            IdleSince = Start - Duration.FromMinutes(idleMinutes),
        };
}
