using System.Globalization;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Benchmarks.CompetenceRouting;

/// <summary>
/// A large, seeded organization for the routing benchmarks: 10,000 agents over three levels with 8 of 100 skills each,
/// German, English and French speakers, 70 % available, capacity for three chats or one call.
/// </summary>
internal static class RoutingBenchmarkData
{
    public const int AgentCount = 10_000;
    public const int SkillCount = 100;
    public const int TopicCount = 20;

    public static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 10, 0);

    public static Skill SkillNumber(int number) => Skill.Parse(string.Create(CultureInfo.InvariantCulture, $"skill-{number:000}"));

    public static List<Agent> Agents(int seed = 7)
    {
        var random = new Random(seed);
        var capacity = new AgentCapacity(3, [new(Channel.Chat, 1), new(Channel.Phone, 3)]);
        var german = Language.Parse("de");
        var english = Language.Parse("en");
        var french = Language.Parse("fr");
        var agents = new List<Agent>(AgentCount);
        for (var i = 1; i <= AgentCount; i++)
        {
            var roll = random.NextDouble();
            CompetenceLevel[] levels = roll < 0.5 ? [CompetenceLevel.FirstLevel]
                : roll < 0.6 ? [CompetenceLevel.FirstLevel, CompetenceLevel.SecondLevel]
                : roll < 0.85 ? [CompetenceLevel.SecondLevel]
                : [CompetenceLevel.ThirdLevel];
            var skills = Enumerable.Range(0, SkillCount).OrderBy(_ => random.Next()).Take(8)
                .Select(s => new SkillProficiency(SkillNumber(s), random.Next(1, 6))).ToArray();
            var languages = new List<Language>();
            if (random.NextDouble() < 0.7)
            {
                languages.Add(german);
            }

            if (random.NextDouble() < 0.5 || languages.Count == 0)
            {
                languages.Add(english);
            }

            if (random.NextDouble() < 0.1)
            {
                languages.Add(french);
            }

            var presence = random.NextDouble() switch
            {
                < 0.70 => Presence.Available,
                < 0.85 => Presence.Offline,
                < 0.95 => Presence.Away,
                _ => Presence.Busy,
            };
            var id = new AgentId(new Guid(i, 0, 0, [0x70, 0, 0x80, 0, 0, 0, 0, 0]));
            agents.Add(new Agent
            {
                Id = id,
                Levels = levels,
                Skills = skills,
                Languages = languages,
                Capacity = capacity,
                Presence = presence,
                Assignments = Enumerable.Range(0, random.Next(0, 2))
                    .Select(n => new AgentAssignment(new ConcernId(new Guid(i, (short)(n + 1), 0, [0x70, 0, 0x80, 0, 0, 0, 0, 1])), Channel.Chat, 1, Now))
                    .ToArray(),
                IdleSince = Now - Duration.FromSeconds(random.Next(0, 3600)),
            });
        }

        return agents;
    }

    /// <summary>
    /// A policy with one rule per topic: topic k needs skill k at proficiency 2 or more; even topics enter at level 1,
    /// odd ones at level 2. Each ladder step lasts ten minutes, so no timeout fires during a benchmark.
    /// </summary>
    public static RoutingPolicy Policy(DistributionMode mode = DistributionMode.LongestIdle) => new()
    {
        Distribution = mode,
        Rules = Enumerable.Range(0, TopicCount).Select(topic => new ClassificationRule
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"topic-{topic}"),
            When = new ConcernCondition { Reasons = [Topic(topic)] },
            EntryLevel = topic % 2 == 0 ? CompetenceLevel.FirstLevel : CompetenceLevel.SecondLevel,
            Skills = [new SkillRequirement(SkillNumber(topic), 2)],
            Ladder = "standard",
        }).ToArray(),
        DefaultRule = new ClassificationRule { Name = "general", EntryLevel = CompetenceLevel.FirstLevel, Ladder = "standard" },
        Ladders =
        [
            new EscalationLadder
            {
                Name = "standard",
                Steps =
                [
                    new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(10) },
                    new LadderStep { Level = CompetenceLevel.SecondLevel, Timeout = Duration.FromMinutes(10) },
                    new LadderStep { Level = CompetenceLevel.ThirdLevel },
                ],
            },
        ],
    };

    public static ContactReason Topic(int topic) => ContactReason.Parse(string.Create(CultureInfo.InvariantCulture, $"topic-{topic}"));

    public static RoutingEngine Engine(RoutingPolicy policy, IEnumerable<Agent> agents, RoutingOptions? options = null)
    {
        var engine = new RoutingEngine(policy, options);
        foreach (var agent in agents)
        {
            engine.UpsertAgent(agent);
        }

        return engine;
    }

    public static List<QueueEntry> WaitingEntries(RoutingEngine engine, int count, int seed = 11)
    {
        var random = new Random(seed);
        var entries = new List<QueueEntry>(count);
        for (var i = 1; i <= count; i++)
        {
            var concern = new RoutableConcern
            {
                Id = new ConcernId(new Guid(i, 0, 0, [0x70, 0, 0x80, 0, 0, 0, 0, 2])),
                Channel = random.NextDouble() < 0.8 ? Channel.Chat : Channel.Phone,
                Reason = Topic(random.Next(TopicCount)),
                Language = Language.Parse(random.NextDouble() < 0.7 ? "de" : "en"),
                Priority = new Priority(random.Next(1, 6)),
                EnqueuedAt = Now - Duration.FromSeconds(random.Next(0, 300)),
            };
            entries.Add(engine.CreateEntry(concern));
        }

        return entries;
    }
}
