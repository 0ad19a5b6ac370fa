using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public partial class CompetenceRouterTests
{
    [Theory]
    [InlineData(10, 20)]
    [InlineData(null, null)]
    public async Task Scenario_UrgentWorkKeepsArriving_AgingServesOld(int? agingMinutes, int? servedAtMinute)
    {
        var policy = OneStepPolicy() with { AgingInterval = agingMinutes is { } minutes ? Duration.FromMinutes(minutes) : null };
        using var harness = new RouterHarness(policy);
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1, priority: Priority.P4), Ct);
        int? served = null;

        // One agent, one concern a minute, and one new P2 concern arriving every minute: without aging the P4 concern
        // is always behind a P2 one. With a 10-minute interval it competes as P2 after 20 minutes and, being older, wins.
        for (var minute = 0; minute < 60 && served is null; minute++)
        {
            await harness.Router.EnqueueAsync(Concern(100 + minute, priority: Priority.P2, enqueuedAt: harness.Clock.GetCurrentInstant()), Ct);
            var offer = Assert.Single((await harness.Router.RouteAsync(Ct)).Offers);
            served = offer.Entry.ConcernId == ConcernId(1) ? minute : null;
            await harness.Router.AcceptAsync(offer.Entry.ConcernId, AgentId(1), Ct);
            harness.Advance(Duration.FromMinutes(1));
            await harness.Router.CompleteAsync(offer.Entry.ConcernId, Ct);
        }

        Assert.Equal(servedAtMinute, served);
    }

    [Fact]
    public async Task Scenario_DayOfArrivals_ServesEverything()
    {
        var random = new Random(20260105);
        using var harness = new RouterHarness(DayPolicy());
        await harness.AddAgentsAsync(
            Agent(1, levels: "1", skills: "billing:3", languages: "de", capacity: Chats(3)),
            Agent(2, levels: "1", skills: "billing:2,network:2", languages: "de,en", capacity: Chats(3)),
            Agent(3, levels: "1", skills: "network:3", languages: "en", capacity: Chats(2)),
            Agent(4, levels: "2", skills: "billing:5,network:4", languages: "de,en", capacity: Chats(2)),
            Agent(5, levels: "1,2", skills: "billing:4,network:3", languages: "de", capacity: Chats(2)));
        var enqueued = new HashSet<ConcernId>();
        var completed = new HashSet<ConcernId>();
        var finishAt = new Dictionary<ConcernId, Instant>();
        var onBreakUntil = new Dictionary<long, Instant>();
        var next = 1;
        var day = harness.Clock.GetCurrentInstant();

        for (var tick = 0; tick < 8 * 120 + 8 * 120; tick++)
        {
            var now = harness.Clock.GetCurrentInstant();
            var open = now < day + Duration.FromHours(8);
            if (open && random.NextDouble() < 0.35)
            {
                var reason = random.Next(2) == 0 ? "billing" : "network";
                var concern = Concern(next++, reason, random.Next(1, 5), Channel.Chat, random.Next(3) == 0 ? "en" : "de", new Priority(random.Next(1, 6)), now);
                await harness.Router.EnqueueAsync(concern, Ct);
                enqueued.Add(concern.Id);
            }

            if (open && random.NextDouble() < 0.01)
            {
                var agent = random.Next(1, 6);
                await harness.Router.SetPresenceAsync(AgentId(agent), Presence.Away, Ct);
                onBreakUntil[agent] = now + Duration.FromMinutes(15);
            }

            foreach (var (agent, until) in onBreakUntil.Where(b => b.Value <= now).ToArray())
            {
                await harness.Router.SetPresenceAsync(AgentId(agent), Presence.Available, Ct);
                onBreakUntil.Remove(agent);
            }

            // Agents whom a missed offer set away come back after their break too.
            foreach (var away in (await harness.AllAgentsAsync()).Where(a => a.Presence == Presence.Away && !onBreakUntil.ContainsKey(Number(a.Id))))
            {
                onBreakUntil[Number(away.Id)] = now + Duration.FromMinutes(5);
            }

            var pass = await harness.Router.RouteAsync(Ct);
            foreach (var offer in pass.Offers)
            {
                var agent = offer.Agent!.Value;
                var roll = random.NextDouble();
                if (roll < 0.08)
                {
                    await harness.Router.RejectAsync(offer.Entry.ConcernId, agent, "Not my topic today.", Ct);
                }
                else if (roll < 0.12)
                {
                    // The agent does not respond, so the offer expires in a later pass.
                }
                else
                {
                    Assert.Equal(QueueUpdateStatus.Accepted, (await harness.Router.AcceptAsync(offer.Entry.ConcernId, agent, Ct)).Status);
                    finishAt[offer.Entry.ConcernId] = now + Duration.FromMinutes(random.Next(3, 16));
                }
            }

            foreach (var (concern, at) in finishAt.Where(f => f.Value <= now).ToArray())
            {
                Assert.True(await harness.Router.CompleteAsync(concern, Ct));
                completed.Add(concern);
                finishAt.Remove(concern);
            }

            await AssertInvariantsAsync(harness, enqueued, completed);
            harness.Advance(Duration.FromSeconds(30));
        }

        Assert.True(enqueued.Count > 300, $"only {enqueued.Count} concerns arrived");
        Assert.Equal(enqueued.Count, completed.Count);
        Assert.Equal(0, await harness.Queue.CountAsync(cancellationToken: Ct));
        Assert.All(await harness.AllAgentsAsync(), a => Assert.Equal(0, a.Load));
    }

    [Fact]
    public async Task Router_ConcurrentCalls_KeepInvariants()
    {
        using var harness = new RouterHarness(OneStepPolicy());
        await harness.AddAgentsAsync(Enumerable.Range(1, 6).Select(n => Agent(n, capacity: Chats(2))).ToArray());
        var enqueued = Enumerable.Range(1, 120).Select(n => ConcernId(n)).ToHashSet();
        var completed = new System.Collections.Concurrent.ConcurrentDictionary<ConcernId, bool>();

        var arrivals = Enumerable.Range(1, 120).Select(n => Task.Run(() => harness.Router.EnqueueAsync(Concern(n, channel: Channel.Chat), Ct)));
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 40; round++)
            {
                var pass = await harness.Router.RouteAsync(Ct);
                foreach (var offer in pass.Offers)
                {
                    await harness.Router.AcceptAsync(offer.Entry.ConcernId, offer.Agent!.Value, Ct);
                    if (await harness.Router.CompleteAsync(offer.Entry.ConcernId, Ct))
                    {
                        completed[offer.Entry.ConcernId] = true;
                    }
                }
            }
        }));
        await Task.WhenAll(arrivals.Concat<Task>(workers));
        for (var drain = 0; completed.Count < enqueued.Count; drain++)
        {
            Assert.True(drain < 200, $"{enqueued.Count - completed.Count} concerns were never offered");
            foreach (var offer in (await harness.Router.RouteAsync(Ct)).Offers)
            {
                await harness.Router.AcceptAsync(offer.Entry.ConcernId, offer.Agent!.Value, Ct);
                Assert.True(await harness.Router.CompleteAsync(offer.Entry.ConcernId, Ct));
                completed[offer.Entry.ConcernId] = true;
            }
        }

        await AssertInvariantsAsync(harness, enqueued, completed.Keys.ToHashSet());
        Assert.Equal(0, await harness.Queue.CountAsync(cancellationToken: Ct));
    }

    private static async Task AssertInvariantsAsync(RouterHarness harness, HashSet<ConcernId> enqueued, HashSet<ConcernId> completed)
    {
        var entries = await harness.AllEntriesAsync();
        var agents = await harness.AllAgentsAsync();

        Assert.Equal(enqueued.Except(completed).Order(), entries.Select(e => e.ConcernId).Order());
        Assert.All(agents, a => Assert.True(a.Load <= a.Capacity.Units, $"{a.Id} holds {a.Load} of {a.Capacity.Units} units"));
        var holders = agents.SelectMany(a => a.Assignments.Select(x => (x.ConcernId, a.Id))).ToLookup(h => h.ConcernId, h => h.Id);
        foreach (var entry in entries)
        {
            Assert.Equal(entry.Holder is { } holder ? [holder] : [], holders[entry.ConcernId].ToArray());
        }

        Assert.All(holders, h => Assert.Contains(entries, e => e.ConcernId == h.Key));
    }

    private static long Number(AgentId id) => id.Value.ToByteArray(bigEndian: true)[15];

    private static AgentCapacity Chats(int count) => new(count, [new(Channel.Chat, 1)]);

    private static RoutingPolicy OneStepPolicy() => SimplePolicy() with
    {
        Ladders = [new EscalationLadder { Name = "general", Steps = [new LadderStep { Level = CompetenceLevel.FirstLevel }] }],
    };

    private static RoutingPolicy DayPolicy() => new()
    {
        Rules =
        [
            new ClassificationRule { Name = "billing", When = new ConcernCondition { Reasons = [ContactReason.Parse("billing")] }, EntryLevel = CompetenceLevel.FirstLevel, Skills = [new SkillRequirement(Skill.Parse("billing"), 2)], Ladder = "standard" },
            new ClassificationRule { Name = "network-hard", When = new ConcernCondition { Reasons = [ContactReason.Parse("network")], MinComplexity = 4 }, EntryLevel = CompetenceLevel.SecondLevel, Skills = [new SkillRequirement(Skill.Parse("network"), 3)], Ladder = "standard" },
        ],
        DefaultRule = new ClassificationRule { Name = "network", EntryLevel = CompetenceLevel.FirstLevel, Skills = [new SkillRequirement(Skill.Parse("network"), 2)], Ladder = "standard" },
        Ladders =
        [
            new EscalationLadder
            {
                Name = "standard",
                Steps =
                [
                    new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(3) },
                    new LadderStep { Level = CompetenceLevel.FirstLevel, MatchLanguage = false, MinimumProficiency = 1, Timeout = Duration.FromMinutes(5), PriorityBoost = 1 },
                    new LadderStep { Level = CompetenceLevel.SecondLevel, MatchLanguage = false, MinimumProficiency = 1, PriorityBoost = 2 },
                ],
            },
        ],
        OfferTimeout = Duration.FromMinutes(1),
    };
}
