using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public partial class CompetenceRouterTests
{
    /// <summary>
    /// Random sequences of arrivals, routing passes, accepts, rejects, expiries, escalations, completions and presence
    /// changes keep every invariant. No concern is lost or held twice, no agent exceeds capacity, and no offer goes to
    /// an ineligible agent. No concern is served before an earlier one in queue order that the same agent could take.
    /// </summary>
    [Property(Arbitrary = [typeof(RouterOperations)], MaxTest = 150)]
    public void AnyOperations_KeepInvariants(RouterOperation[] operations)
    {
        using var harness = new RouterHarness(PropertyPolicy(), new RoutingOptions { ExplanationDetail = ExplanationDetail.AllAgents, MaxListedExclusions = 10_000 });
        harness.AddAgentsAsync(
            Agent(1, levels: "1", languages: "de", capacity: ChatsAndCalls(3)),
            Agent(2, levels: "1", languages: "de,en", capacity: ChatsAndCalls(2)),
            Agent(3, levels: "1,2", languages: "en", capacity: ChatsAndCalls(1)),
            Agent(4, levels: "2", languages: "de,en", capacity: ChatsAndCalls(2)),
            Agent(5, Presence.Offline, levels: "1", languages: "de", capacity: ChatsAndCalls(4))).GetAwaiter().GetResult();
        var arrived = new HashSet<ConcernId>();
        var completed = new HashSet<ConcernId>();
        var next = 1;

        foreach (var operation in operations)
        {
            Apply(harness, operation, arrived, completed, ref next);
            AssertInvariantsAsync(harness, arrived, completed).GetAwaiter().GetResult();
        }
    }

    private static void Apply(RouterHarness harness, RouterOperation operation, HashSet<ConcernId> arrived, HashSet<ConcernId> completed, ref int next)
    {
        var router = harness.Router;
        var entries = harness.AllEntriesAsync().GetAwaiter().GetResult();
        switch (operation)
        {
            case RouterOperation.Arrive arrive:
                var concern = Concern(next++, complexity: arrive.Complexity, channel: arrive.Chat ? Channel.Chat : Channel.Phone, language: arrive.English ? "en" : "de", priority: new Priority(arrive.Priority), enqueuedAt: harness.Clock.GetCurrentInstant());
                router.EnqueueAsync(concern, Ct).GetAwaiter().GetResult();
                arrived.Add(concern.Id);
                break;
            case RouterOperation.Route:
                AssertPass(harness, router.RouteAsync(Ct).GetAwaiter().GetResult());
                break;
            case RouterOperation.Accept accept when Pick(entries, e => e.Status == QueueEntryStatus.Offered, accept.Pick) is { } offered:
                router.AcceptAsync(offered.ConcernId, offered.Offer!.Value.Agent, Ct).GetAwaiter().GetResult();
                break;
            case RouterOperation.Reject reject when Pick(entries, e => e.Status == QueueEntryStatus.Offered, reject.Pick) is { } offered:
                router.RejectAsync(offered.ConcernId, offered.Offer!.Value.Agent, "Not mine.", Ct).GetAwaiter().GetResult();
                break;
            case RouterOperation.Escalate escalate when Pick(entries, e => e.Status == QueueEntryStatus.Assigned, escalate.Pick) is { } assigned:
                router.EscalateAsync(assigned.ConcernId, EscalationRequest.ByAgent(assigned.AssignedAgent!.Value, "Deeper, please."), Ct).GetAwaiter().GetResult();
                break;
            case RouterOperation.Complete complete when Pick(entries, _ => true, complete.Pick) is { } any:
                Assert.True(router.CompleteAsync(any.ConcernId, Ct).GetAwaiter().GetResult());
                completed.Add(any.ConcernId);
                break;
            case RouterOperation.Advance advance:
                harness.Advance(Duration.FromSeconds(advance.Seconds));
                break;
            case RouterOperation.ChangePresence change:
                router.SetPresenceAsync(AgentId(change.Agent), change.Presence, Ct).GetAwaiter().GetResult();
                break;
        }
    }

    private static void AssertPass(RouterHarness harness, RoutingPassResult pass)
    {
        // Priority, then age, then identifier. A step skipped while deciding changes the priority shown afterwards,
        // so only decisions without such a skip carry the key that ordered the pass.
        var keys = pass.Decisions
            .Where(d => !d.Explanation.StepChanges.Any(c => c.Reason is StepChangeReason.NoneAvailable or StepChangeReason.PreferredAgentUnavailable))
            .Select(d => (d.Explanation.EffectivePriority.Level, d.Entry.Concern.EnqueuedAt, d.Entry.ConcernId))
            .ToArray();
        Assert.Equal(keys.Order(), keys);

        var agents = harness.AllAgentsAsync().GetAwaiter().GetResult().ToDictionary(a => a.Id);
        for (var i = 0; i < pass.Decisions.Count; i++)
        {
            var decision = pass.Decisions[i];
            if (decision.Agent is not { } chosen || !pass.Offers.Contains(decision))
            {
                continue;
            }

            // The agent met the step when it was claimed: take away this concern and it must still qualify.
            var before = agents[chosen].WithoutAssignment(decision.Entry.ConcernId, harness.Clock.GetCurrentInstant());
            Assert.Equal(Presence.Available, before.Presence);
            Assert.Equal(ExclusionReason.None, decision.Explanation.Requirement.Evaluate(before).Reason);

            // Queue order: an earlier concern that got no one could not have taken this agent either.
            foreach (var earlier in pass.Decisions.Take(i).Where(d => d.Agent is null))
            {
                Assert.Contains(earlier.Explanation.Exclusions, e => e.Agent == chosen);
            }
        }
    }

    private static QueueEntry? Pick(IReadOnlyList<QueueEntry> entries, Func<QueueEntry, bool> filter, int pick)
    {
        var matching = entries.Where(filter).ToArray();
        return matching.Length == 0 ? null : matching[pick % matching.Length];
    }

    private static AgentCapacity ChatsAndCalls(int chats) => new(chats, [new(Channel.Chat, 1), new(Channel.Phone, chats)]);

    private static RoutingPolicy PropertyPolicy() => new()
    {
        Rules = [new ClassificationRule { Name = "complex", When = new ConcernCondition { MinComplexity = 4 }, EntryLevel = CompetenceLevel.SecondLevel, Ladder = "main" }],
        DefaultRule = new ClassificationRule { Name = "simple", EntryLevel = CompetenceLevel.FirstLevel, Ladder = "main" },
        Ladders =
        [
            new EscalationLadder
            {
                Name = "main",
                Steps =
                [
                    new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(3), SkipIfNoneAvailable = true },
                    new LadderStep { Level = CompetenceLevel.FirstLevel, MatchLanguage = false, Timeout = Duration.FromMinutes(3), PriorityBoost = 1 },
                    new LadderStep { Level = CompetenceLevel.SecondLevel, MatchLanguage = false },
                ],
            },
        ],
        OfferTimeout = Duration.FromMinutes(1),
        AgingInterval = Duration.FromMinutes(5),
        RejectionCooldown = Duration.FromMinutes(4),
    };
}

/// <summary>One step of a random router session.</summary>
public abstract record RouterOperation
{
    public sealed record Arrive(int Priority, int Complexity, bool Chat, bool English) : RouterOperation;

    public sealed record Route : RouterOperation;

    public sealed record Accept(int Pick) : RouterOperation;

    public sealed record Reject(int Pick) : RouterOperation;

    public sealed record Escalate(int Pick) : RouterOperation;

    public sealed record Complete(int Pick) : RouterOperation;

    public sealed record Advance(int Seconds) : RouterOperation;

    public sealed record ChangePresence(int Agent, Presence Presence) : RouterOperation;
}

/// <summary>Generates router sessions in which arrivals and routing passes are the most common steps.</summary>
public static class RouterOperations
{
    public static Arbitrary<RouterOperation[]> Sessions() =>
        Gen.Choose(1, 80).SelectMany(length => Gen.ArrayOf(Operation, length)).ToArbitrary();

    private static Gen<RouterOperation> Operation => Gen.Frequency(
        (6, from priority in Gen.Choose(1, 5)
            from complexity in Gen.Choose(1, 5)
            from chat in Gen.Elements(true, false)
            from english in Gen.Elements(true, false, false)
            select (RouterOperation)new RouterOperation.Arrive(priority, complexity, chat, english)),
        (6, Gen.Constant<RouterOperation>(new RouterOperation.Route())),
        (4, Gen.Choose(0, 9).Select(p => (RouterOperation)new RouterOperation.Accept(p))),
        (2, Gen.Choose(0, 9).Select(p => (RouterOperation)new RouterOperation.Reject(p))),
        (1, Gen.Choose(0, 9).Select(p => (RouterOperation)new RouterOperation.Escalate(p))),
        (3, Gen.Choose(0, 9).Select(p => (RouterOperation)new RouterOperation.Complete(p))),
        (4, Gen.Choose(1, 200).Select(s => (RouterOperation)new RouterOperation.Advance(s))),
        (2, from agent in Gen.Choose(1, 5)
            from presence in Gen.Elements(Enum.GetValues<Presence>())
            select (RouterOperation)new RouterOperation.ChangePresence(agent, presence)));
}
