using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.CompetenceRouting.Tests.Support;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public class RoutingEngineTests
{
    private static readonly Skill Billing = Skill.Parse("billing");

    [Fact]
    public void Constructor_InvalidPolicy_Throws()
    {
        var policy = SimplePolicy() with { OfferTimeout = Duration.Zero };

        Assert.Throws<CustomerCareValidationException>(() => new RoutingEngine(policy));
    }

    [Fact]
    public void CreateEntry_EntersFirstStepAtEntryLevel()
    {
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin));

        var simple = engine.CreateEntry(Concern(1, "billing", 1));
        var complex = engine.CreateEntry(Concern(2, "billing", 4));

        Assert.Equal(0, simple.StepIndex);
        Assert.Equal(Start + Duration.FromMinutes(2), simple.StepDeadline);
        Assert.Equal(3, complex.StepIndex);
        Assert.Equal(Priority.P1, complex.Priority);
        Assert.Equal(QueueEntryStatus.Waiting, complex.Status);
        Assert.Equal(0, complex.Version);
    }

    [Fact]
    public void CreateEntry_BusinessTimeStep_EndsInOfficeHours()
    {
        // Friday 2026-01-09 17:30 in Berlin (16:30 UTC): two office hours end on Monday at 09:30 (08:30 UTC).
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin));
        var friday = Instant.FromUtc(2026, 1, 9, 16, 30);

        var entry = engine.CreateEntry(Concern(1, "billing", 4, enqueuedAt: friday));

        Assert.Equal(Instant.FromUtc(2026, 1, 12, 8, 30), entry.StepDeadline);
    }

    [Fact]
    public void CreateEntry_BusinessTimeOverDst_UsesLocalHours()
    {
        // Friday 2026-03-27 17:00 CET (16:00 UTC); clocks go forward on Sunday, so Monday 09:00 CEST is 07:00 UTC.
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin));
        var friday = Instant.FromUtc(2026, 3, 27, 16, 0);

        var entry = engine.CreateEntry(Concern(1, "billing", 4, enqueuedAt: friday));

        Assert.Equal(Instant.FromUtc(2026, 3, 30, 7, 0), entry.StepDeadline);
    }

    [Fact]
    public void Decide_StepTimeouts_AddUpAgainstAge()
    {
        var engine = new RoutingEngine(ThreeStepPolicy());
        var entry = engine.CreateEntry(Concern(1));

        var decision = engine.Decide(entry, Start + Duration.FromMinutes(12));

        Assert.Equal(2, decision.Entry.StepIndex);
        Assert.Equal(Start + Duration.FromMinutes(10), decision.Entry.StepEnteredAt);
        Assert.Equal(Start + Duration.FromMinutes(15), decision.Entry.StepDeadline);
        Assert.Equal([StepChangeReason.TimedOut, StepChangeReason.TimedOut], decision.Explanation.StepChanges.Select(c => c.Reason));
    }

    [Fact]
    public void Decide_TimeoutToDeeperLevel_RecordsEscalation()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var entry = engine.CreateEntry(Concern(1));

        var decision = engine.Decide(entry, Start + Duration.FromMinutes(3));

        var escalation = Assert.Single(decision.Escalations);
        Assert.Equal(EscalationReason.StepTimeout, escalation.Reason);
        Assert.Equal(EscalationKind.Functional, escalation.Kind);
        Assert.Equal(1, escalation.FromLevel.Rank);
        Assert.Equal(2, escalation.ToLevel!.Value.Rank);
        Assert.Equal(Start + Duration.FromMinutes(2), escalation.At);
        Assert.Single(decision.Entry.Escalations);
    }

    [Fact]
    public void Decide_LastStepTimeout_ExhaustsOnce()
    {
        var engine = new RoutingEngine(ThreeStepPolicy());
        var entry = engine.CreateEntry(Concern(1));

        var first = engine.Decide(entry, Start + Duration.FromMinutes(20));
        var second = engine.Decide(first.Entry, Start + Duration.FromMinutes(25));

        Assert.True(first.BecameExhausted);
        Assert.Equal(Start + Duration.FromMinutes(15), first.Entry.ExhaustedAt);
        Assert.Equal(2, first.Entry.StepIndex);
        Assert.Null(first.Entry.StepDeadline);
        Assert.True(first.Explanation.IsExhausted);
        Assert.False(second.BecameExhausted);
        Assert.True(second.Entry.IsExhausted);
    }

    [Fact]
    public void Decide_ExhaustedConcern_StillOfferedWhenAgentAppears()
    {
        var engine = new RoutingEngine(ThreeStepPolicy());
        var exhausted = engine.Decide(engine.CreateEntry(Concern(1)), Start + Duration.FromMinutes(20)).Entry;
        engine.UpsertAgent(Agent(1, levels: "2"));

        var decision = engine.Decide(exhausted, Start + Duration.FromMinutes(21));

        Assert.Equal(AgentId(1), decision.Agent);
    }

    [Fact]
    public void Decide_SkipStepNobodyPresent_Skips()
    {
        var engine = new RoutingEngine(SkipPolicy());
        engine.UpsertAgent(Agent(1, Presence.Away, levels: "1"));
        engine.UpsertAgent(Agent(2, levels: "2"));

        var decision = engine.Decide(engine.CreateEntry(Concern(1)), Start);

        Assert.Equal(AgentId(2), decision.Agent);
        Assert.Equal(StepChangeReason.NoneAvailable, Assert.Single(decision.Explanation.StepChanges).Reason);
    }

    [Fact]
    public void Decide_SkipStepAgentsFull_Waits()
    {
        var engine = new RoutingEngine(SkipPolicy());
        engine.UpsertAgent(Agent(1, levels: "1").WithAssignment(new AgentAssignment(ConcernId(99), Channel.Phone, 1, Start), Start));
        engine.UpsertAgent(Agent(2, levels: "2"));

        var decision = engine.Decide(engine.CreateEntry(Concern(1)), Start);

        Assert.Null(decision.Agent);
        Assert.Equal(0, decision.Entry.StepIndex);
        Assert.Equal(1, decision.Explanation.CountOf(ExclusionReason.NoCapacity));
    }

    [Theory]
    [InlineData(Presence.Offline, false, true)]
    [InlineData(Presence.Away, false, true)]
    [InlineData(Presence.Busy, false, false)]
    [InlineData(Presence.Available, true, false)]
    public void Decide_PreferredAgentStep_DropsOnlyWhenAgentGone(Presence presence, bool offeredToPreferred, bool dropped)
    {
        var engine = new RoutingEngine(PreferredPolicy());
        engine.UpsertAgent(Agent(1, presence));
        engine.UpsertAgent(Agent(2));

        var decision = engine.Decide(engine.CreateEntry(Concern(1, preferredAgent: 1)), Start);

        Assert.Equal(offeredToPreferred, decision.Agent == AgentId(1));
        Assert.Equal(dropped, decision.Agent == AgentId(2));
        Assert.Equal(dropped, decision.Explanation.StepChanges.Any(c => c.Reason == StepChangeReason.PreferredAgentUnavailable));
    }

    [Fact]
    public void Decide_PreferredAgentAtCapacity_Waits()
    {
        var engine = new RoutingEngine(PreferredPolicy());
        engine.UpsertAgent(Agent(1).WithAssignment(new AgentAssignment(ConcernId(99), Channel.Phone, 1, Start), Start));
        engine.UpsertAgent(Agent(2));

        var decision = engine.Decide(engine.CreateEntry(Concern(1, preferredAgent: 1)), Start);

        Assert.Null(decision.Agent);
        Assert.Equal(0, decision.Entry.StepIndex);
        Assert.Equal(1, decision.Explanation.CountOf(ExclusionReason.NoCapacity));
        Assert.Equal(1, decision.Explanation.CountOf(ExclusionReason.NotPreferredAgent));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(77L)]
    public void Decide_PreferredAgentMissingOrUnknown_DropsStep(long? preferred)
    {
        var engine = new RoutingEngine(PreferredPolicy());
        engine.UpsertAgent(Agent(2));

        var decision = engine.Decide(engine.CreateEntry(Concern(1, preferredAgent: preferred)), Start);

        Assert.Equal(AgentId(2), decision.Agent);
        Assert.Equal(1, decision.Entry.StepIndex);
    }

    [Fact]
    public void Decide_PreferredAgentRejectedBefore_DropsStep()
    {
        var engine = new RoutingEngine(PreferredPolicy());
        engine.UpsertAgent(Agent(1));
        engine.UpsertAgent(Agent(2));
        var entry = engine.CreateEntry(Concern(1, preferredAgent: 1)) with { Rejections = [new Rejection(AgentId(1), Start)] };

        var decision = engine.Decide(entry, Start);

        Assert.Equal(AgentId(2), decision.Agent);
    }

    [Fact]
    public void Decide_StepMinimumProficiency_WidensPool()
    {
        var policy = ExamplePolicy.Create(WeekdayCalendar.Berlin);
        var engine = new RoutingEngine(policy);
        engine.UpsertAgent(Agent(1, skills: "billing:1", languages: "fr"));
        engine.UpsertAgent(Agent(2, skills: "billing:3", languages: "de").WithAssignment(new AgentAssignment(ConcernId(99), Channel.Phone, 1, Start), Start));
        var entry = engine.CreateEntry(Concern(1, "billing", language: "de"));

        var early = engine.Decide(entry, Start + Duration.FromMinutes(1));
        var wide = engine.Decide(early.Entry, Start + Duration.FromMinutes(7));

        Assert.Null(early.Agent);
        Assert.Equal("first-level", early.Explanation.Step.Name);
        Assert.Equal(Start + Duration.FromMinutes(6), early.Entry.StepDeadline);
        Assert.Equal(AgentId(1), wide.Agent);
        Assert.Equal("first-level-wide", wide.Explanation.Step.Name);
        Assert.Equal(1, wide.Explanation.Requirement.Skills.Single().MinimumProficiency);
        Assert.Null(wide.Explanation.Requirement.Language);
    }

    [Fact]
    public void Decide_NobodyPresent_GoesWideAtOnce()
    {
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin));
        engine.UpsertAgent(Agent(1, skills: "billing:1", languages: "fr"));

        var decision = engine.Decide(engine.CreateEntry(Concern(1, "billing", language: "de")), Start);

        Assert.Equal(AgentId(1), decision.Agent);
        Assert.Equal(
            [StepChangeReason.PreferredAgentUnavailable, StepChangeReason.NoneAvailable],
            decision.Explanation.StepChanges.Select(c => c.Reason));
    }

    [Fact]
    public void Decide_SlaRisk_EscalatesOnceToDeeperLevel()
    {
        var engine = new RoutingEngine(SimplePolicy() with { Ladders = [SimplePolicy().Ladders[0] with { Steps = [new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromHours(1) }, new LadderStep { Level = CompetenceLevel.SecondLevel }] }] });
        var concern = Concern(1) with { SlaDueAt = Start + Duration.FromMinutes(10) };
        var entry = engine.CreateEntry(concern);

        var before = engine.Decide(entry, Start + Duration.FromMinutes(7));
        var at = engine.Decide(entry, Start + Duration.FromMinutes(8));
        var again = engine.Decide(at.Entry, Start + Duration.FromMinutes(9));

        Assert.Empty(before.Escalations);
        Assert.Equal(EscalationReason.SlaRisk, Assert.Single(at.Escalations).Reason);
        Assert.Equal(1, at.Entry.StepIndex);
        Assert.True(at.Entry.SlaRiskEscalated);
        Assert.Empty(again.Escalations);
    }

    [Fact]
    public void Decide_SlaRiskWithoutDeeperStep_Exhausts()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var entry = engine.CreateEntry(Concern(1) with { SlaDueAt = Start + Duration.FromMinutes(10) });

        var decision = engine.Decide(entry with { StepIndex = 1, StepDeadline = null }, Start + Duration.FromMinutes(9));

        Assert.True(decision.BecameExhausted);
        Assert.Null(Assert.Single(decision.Escalations).ToStep);
    }

    [Fact]
    public void Decide_WaitOverflow_MovesAndRaisesPriority()
    {
        var policy = ExamplePolicy.Create(WeekdayCalendar.Berlin);
        var engine = new RoutingEngine(policy);
        var entry = engine.CreateEntry(Concern(1, "billing", 4));

        var decision = engine.Decide(entry, Start + Duration.FromMinutes(61));

        Assert.Equal(["billing-waited-an-hour"], decision.AppliedOverflowRules);
        Assert.Equal(Priority.P1, decision.Entry.Classification.Priority);
        Assert.Equal(["billing-waited-an-hour"], decision.Entry.AppliedOverflowRules);
        Assert.Empty(engine.Decide(decision.Entry, Start + Duration.FromMinutes(62)).AppliedOverflowRules);
    }

    [Fact]
    public void Decide_OverflowReclassifies_WithNewComplexity()
    {
        var policy = ExamplePolicy.Create(WeekdayCalendar.Berlin) with
        {
            Overflow = [new OverflowRule { Name = "escalate-billing", Ladder = "billing", WaitedAtLeast = Duration.FromMinutes(5), Action = new OverflowAction { Complexity = 4 } }],
        };
        var engine = new RoutingEngine(policy);

        var decision = engine.Decide(engine.CreateEntry(Concern(1, "billing", 1)), Start + Duration.FromMinutes(6));

        Assert.Equal("billing-complex", decision.Entry.Classification.Rule);
        Assert.Equal(4, decision.Entry.Concern.Complexity);
        Assert.Equal(3, decision.Entry.StepIndex);
        Assert.Equal(EscalationReason.Overflow, Assert.Single(decision.Escalations).Reason);
    }

    [Fact]
    public void Decide_OfferedEntry_Throws()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var entry = engine.CreateEntry(Concern(1)) with { Status = QueueEntryStatus.Offered };

        var exception = Assert.Throws<ArgumentException>(() => engine.Decide(entry, Start));

        Assert.Contains("Offered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LadderMissingFromPolicy_ClassifiesAgain()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var stale = engine.CreateEntry(Concern(1)) with { Ladder = "retired", StepIndex = 4 };
        engine.UpsertAgent(Agent(1));

        var decision = engine.Decide(stale, Start);

        Assert.Equal("general", decision.Entry.Ladder);
        Assert.Equal(StepChangeReason.Reclassified, decision.Explanation.StepChanges[0].Reason);
        Assert.Equal(AgentId(1), decision.Agent);
    }

    [Fact]
    public void EffectivePriority_AgesOneLevelPerInterval()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var entry = engine.CreateEntry(Concern(1, priority: Priority.P4));

        Assert.Equal(Priority.P4, engine.EffectivePriority(entry, Start + Duration.FromMinutes(9)));
        Assert.Equal(Priority.P3, engine.EffectivePriority(entry, Start + Duration.FromMinutes(10)));
        Assert.Equal(Priority.P1, engine.EffectivePriority(entry, Start + Duration.FromHours(5)));
        Assert.Equal(Priority.P4, new RoutingEngine(SimplePolicy() with { AgingInterval = null }).EffectivePriority(entry, Start + Duration.FromHours(5)));
    }

    [Fact]
    public void CompareQueueOrder_PriorityThenAgeThenId()
    {
        var engine = new RoutingEngine(SimplePolicy() with { AgingInterval = null });
        var urgentNew = engine.CreateEntry(Concern(3, priority: Priority.P1, enqueuedAt: Start + Duration.FromMinutes(5)));
        var oldLow = engine.CreateEntry(Concern(2, priority: Priority.P3));
        var sameAgeHigherId = engine.CreateEntry(Concern(4, priority: Priority.P3));

        Assert.True(engine.CompareQueueOrder(urgentNew, oldLow, Start + Duration.FromMinutes(6)) < 0);
        Assert.True(engine.CompareQueueOrder(oldLow, sameAgeHigherId, Start) < 0);
        Assert.Equal(0, engine.CompareQueueOrder(oldLow, oldLow, Start));
    }

    [Fact]
    public void RouteWaiting_ServesQueueOrderAndBooksCapacity()
    {
        var engine = new RoutingEngine(SimplePolicy() with { AgingInterval = null });
        engine.UpsertAgent(Agent(1));
        var entries = new[]
        {
            engine.CreateEntry(Concern(1, priority: Priority.P3)),
            engine.CreateEntry(Concern(2, priority: Priority.P2, enqueuedAt: Start + Duration.FromSeconds(30))),
            engine.CreateEntry(Concern(3, priority: Priority.P2)),
        };

        var decisions = engine.RouteWaiting(entries, Start + Duration.FromMinutes(1));

        Assert.Equal([ConcernId(3), ConcernId(2), ConcernId(1)], decisions.Select(d => d.Entry.ConcernId));
        Assert.Equal(AgentId(1), decisions[0].Agent);
        Assert.Null(decisions[1].Agent);
        Assert.Equal(1, decisions[1].Explanation.CountOf(ExclusionReason.NoCapacity));
        Assert.Empty(decisions[1].Explanation.Exclusions);
        Assert.Equal(QueueEntryStatus.Offered, decisions[0].Entry.Status);
        Assert.Equal(Start + Duration.FromMinutes(3), decisions[0].Entry.Offer!.Value.ExpiresAt);
        Assert.Equal(1, engine.FindAgent(AgentId(1))!.Load);
    }

    [Fact]
    public void RouteWaiting_SkipsEntriesThatAreNotWaiting()
    {
        var engine = new RoutingEngine(SimplePolicy());
        var offered = engine.CreateEntry(Concern(1)) with { Status = QueueEntryStatus.Offered };

        Assert.Empty(engine.RouteWaiting([offered], Start));
    }

    [Fact]
    public void RouteWaiting_RepeatedRequirement_MatchesFreshDecision()
    {
        var engine = new RoutingEngine(SimplePolicy() with { AgingInterval = null });
        engine.UpsertAgent(Agent(1));
        engine.UpsertAgent(Agent(2, Presence.Away));
        engine.UpsertAgent(Agent(3, levels: "2"));
        var entries = Enumerable.Range(1, 5).Select(n => engine.CreateEntry(Concern(n, enqueuedAt: Start + Duration.FromSeconds(n)))).ToArray();

        var decisions = engine.RouteWaiting(entries, Start + Duration.FromMinutes(1));
        var fresh = new RoutingEngine(SimplePolicy() with { AgingInterval = null });
        foreach (var agent in engine.Agents)
        {
            fresh.UpsertAgent(agent);
        }

        var expected = fresh.Decide(entries[4], Start + Duration.FromMinutes(1)).Explanation;
        Assert.Equal(AgentId(1), decisions[0].Agent);
        Assert.All(decisions.Skip(1), d =>
        {
            Assert.Null(d.Agent);
            Assert.Equal(expected.ExclusionCounts, d.Explanation.ExclusionCounts);
            Assert.Equal(expected.Exclusions, d.Explanation.Exclusions);
            Assert.Equal(d.Entry.ConcernId, d.Explanation.ConcernId);
        });
    }

    [Fact]
    public void Decide_AgentChangedAfterNoWinner_SeesChange()
    {
        var engine = new RoutingEngine(SimplePolicy());
        engine.UpsertAgent(Agent(1, Presence.Away));
        var entry = engine.CreateEntry(Concern(1));
        Assert.Null(engine.Decide(entry, Start).Agent);

        engine.UpsertAgent(Agent(1));

        Assert.Equal(AgentId(1), engine.Decide(entry, Start).Agent);
    }

    [Fact]
    public void Agents_UpsertReplacesAndRemoveForgets()
    {
        var engine = new RoutingEngine(SimplePolicy());
        engine.UpsertAgent(Agent(1, levels: "1"));
        engine.UpsertAgent(Agent(1, levels: "2"));
        var entry = engine.CreateEntry(Concern(1));

        Assert.Equal(1, engine.AgentCount);
        Assert.False(engine.TrySelectAgent(entry, Start, out _));
        Assert.True(engine.RemoveAgent(AgentId(1)));
        Assert.False(engine.RemoveAgent(AgentId(1)));
        Assert.Null(engine.FindAgent(AgentId(1)));
        Assert.Equal(0, engine.AgentCount);
    }

    [Fact]
    public void TrySelectAgent_AllocatesNothing()
    {
        var engine = new RoutingEngine(ExamplePolicy.Create(WeekdayCalendar.Berlin));
        for (var i = 1; i <= 200; i++)
        {
            engine.UpsertAgent(Agent(i, levels: i % 2 == 0 ? "1" : "2", skills: $"billing:{1 + (i % 5)}", languages: i % 3 == 0 ? "fr" : "de"));
        }

        var entry = engine.Decide(engine.CreateEntry(Concern(1, "billing", 3, language: "de")), Start).Entry;
        engine.TrySelectAgent(entry, Start, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += engine.TrySelectAgent(entry, Start, out _) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1000, found);
        Assert.Equal(0, allocated);
    }

    private static RoutingPolicy ThreeStepPolicy() => SimplePolicy() with
    {
        Ladders =
        [
            new EscalationLadder
            {
                Name = "general",
                Steps =
                [
                    new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(5) },
                    new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(5), MatchLanguage = false },
                    new LadderStep { Level = CompetenceLevel.SecondLevel, Timeout = Duration.FromMinutes(5) },
                ],
            },
        ],
    };

    private static RoutingPolicy SkipPolicy() => SimplePolicy() with
    {
        Ladders =
        [
            new EscalationLadder
            {
                Name = "general",
                Steps =
                [
                    new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(5), SkipIfNoneAvailable = true },
                    new LadderStep { Level = CompetenceLevel.SecondLevel },
                ],
            },
        ],
    };

    private static RoutingPolicy PreferredPolicy() => SimplePolicy() with
    {
        Ladders =
        [
            new EscalationLadder
            {
                Name = "general",
                Steps =
                [
                    new LadderStep { Name = "last-agent", Level = CompetenceLevel.FirstLevel, PreferredAgentOnly = true, Timeout = Duration.FromMinutes(2) },
                    new LadderStep { Level = CompetenceLevel.FirstLevel },
                ],
            },
        ],
    };
}
