using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.CompetenceRouting.Tests.Support;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public partial class CompetenceRouterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enqueue_StoresClassifiedEntry()
    {
        using var harness = new RouterHarness(ExamplePolicy.Create(WeekdayCalendar.Berlin));

        var result = await harness.Router.EnqueueAsync(Concern(1, "billing", 4), cancellationToken: Ct);

        Assert.True(result.Added);
        Assert.Equal(1, result.Entry.Version);
        Assert.Equal("billing-complex", result.Entry.Classification.Rule);
        Assert.Equal(result.Entry, await harness.EntryAsync(1));
        Assert.Contains("ConcernEnqueued", harness.LoggedEvents());
    }

    [Fact]
    public async Task Enqueue_Twice_IsIdempotent()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);

        var again = await harness.Router.EnqueueAsync(Concern(1, priority: Priority.P1), cancellationToken: Ct);

        Assert.False(again.Added);
        Assert.Equal(Priority.P3, again.Entry.Priority);
        Assert.Equal(1, await harness.Queue.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Enqueue_QueueTooLong_OverflowMovesConcern()
    {
        var policy = ExamplePolicy.Create(WeekdayCalendar.Berlin);
        policy = policy with { Overflow = [policy.Overflow[0] with { QueueLengthAtLeast = 2 }] };
        using var harness = new RouterHarness(policy);
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.EnqueueAsync(Concern(2), cancellationToken: Ct);

        var third = await harness.Router.EnqueueAsync(Concern(3), cancellationToken: Ct);

        Assert.Equal("partners", third.Entry.Ladder);
        Assert.Equal(["general-backlog"], third.AppliedOverflowRules);
        Assert.Equal(Escalation.EscalationReason.Overflow, Assert.Single(third.Escalations).Reason);
        Assert.Equal("general", (await harness.EntryAsync(2)).Ladder);
    }

    [Fact]
    public async Task Route_OffersAndClaimsCapacity()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        var offer = Assert.Single(pass.Offers);
        Assert.Equal(AgentId(1), offer.Agent);
        Assert.Equal(QueueEntryStatus.Offered, offer.Entry.Status);
        Assert.Equal(2, offer.Entry.Version);
        Assert.Equal(offer.Entry, await harness.EntryAsync(1));
        Assert.True((await harness.AgentAsync(1)).Holds(ConcernId(1)));
        Assert.Contains("OfferMade", harness.LoggedEvents());
    }

    [Fact]
    public async Task Route_NoAgent_ExplainsWaiting()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1, Presence.Offline));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        var decision = Assert.Single(pass.Decisions);
        Assert.Null(decision.Agent);
        Assert.Equal(1, decision.Explanation.CountOf(CompetenceRouting.Explanations.ExclusionReason.Offline));
        Assert.Empty(pass.Offers);
    }

    [Fact]
    public async Task Accept_AssignsAndKeepsCapacity()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromSeconds(20));

        var result = await harness.Router.AcceptAsync(ConcernId(1), AgentId(1), cancellationToken: Ct);
        var repeated = await harness.Router.AcceptAsync(ConcernId(1), AgentId(1), cancellationToken: Ct);

        Assert.Equal(QueueUpdateStatus.Accepted, result.Status);
        Assert.Equal(QueueEntryStatus.Assigned, result.Entry!.Status);
        Assert.Equal(AgentId(1), result.Entry.AssignedAgent);
        Assert.Equal(Start + Duration.FromSeconds(20), result.Entry.AssignedAt);
        Assert.Null(result.Entry.Offer);
        Assert.Equal(QueueUpdateStatus.Accepted, repeated.Status);
        Assert.Equal(1, (await harness.AgentAsync(1)).Load);
    }

    [Fact]
    public async Task Accept_WrongAgentOrUnknownConcern_Refused()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1), Agent(2));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.Equal(QueueUpdateStatus.NotOfferedToAgent, (await harness.Router.AcceptAsync(ConcernId(1), AgentId(1), cancellationToken: Ct)).Status);
        Assert.Equal(QueueUpdateStatus.NotFound, (await harness.Router.AcceptAsync(ConcernId(9), AgentId(2), cancellationToken: Ct)).Status);
        Assert.Equal(QueueUpdateStatus.NotOfferedToAgent, (await harness.Router.RejectAsync(ConcernId(1), AgentId(1), cancellationToken: Ct)).Status);
    }

    [Fact]
    public async Task Accept_AfterExpiry_ReturnsConcernWithoutSettingAway()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(2));

        var result = await harness.Router.AcceptAsync(ConcernId(1), AgentId(1), cancellationToken: Ct);

        Assert.Equal(QueueUpdateStatus.Expired, result.Status);
        Assert.Equal(QueueEntryStatus.Waiting, result.Entry!.Status);
        Assert.Equal(Presence.Available, (await harness.AgentAsync(1)).Presence);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
    }

    [Fact]
    public async Task Reject_ReturnsWithAgeAndOffersSomeoneElse()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1, idleSince: Start - Duration.FromHours(1)), Agent(2));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromSeconds(30));

        var rejected = await harness.Router.RejectAsync(ConcernId(1), AgentId(1), "Customer asks for a callback in French.", cancellationToken: Ct);
        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.Equal(QueueUpdateStatus.Rejected, rejected.Status);
        Assert.Equal(Start, rejected.Entry!.Concern.EnqueuedAt);
        Assert.Equal(Start + Duration.FromMinutes(2), rejected.Entry.StepDeadline);
        Assert.Equal([new Rejection(AgentId(1), Start + Duration.FromSeconds(30))], rejected.Entry.Rejections);
        Assert.Equal("Customer asks for a callback in French.", Assert.Single(rejected.Entry.Notes).Text);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
        Assert.Equal(AgentId(2), Assert.Single(pass.Offers).Agent);
        Assert.Equal(2, pass.Offers[0].Entry.OfferCount);
    }

    [Fact]
    public async Task Reject_OnlyAgent_AskedAgainAfterCooldown()
    {
        using var harness = new RouterHarness(OneStepPolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        await harness.Router.RejectAsync(ConcernId(1), AgentId(1), cancellationToken: Ct);

        var during = await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(10));
        var after = await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.Empty(during.Offers);
        Assert.Equal(1, during.Decisions.Single().Explanation.CountOf(CompetenceRouting.Explanations.ExclusionReason.RejectedOffer));
        Assert.Equal(AgentId(1), Assert.Single(after.Offers).Agent);
    }

    [Fact]
    public async Task Route_ExpiredOffer_SetsAgentAway()
    {
        using var harness = new RouterHarness(LongFirstStep());
        await harness.AddAgentsAsync(Agent(1, idleSince: Start - Duration.FromHours(1)), Agent(2));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(2) + Duration.FromSeconds(1));

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        var expired = Assert.Single(pass.ExpiredOffers);
        Assert.Equal(AgentId(1), expired.Agent);
        Assert.True(expired.AgentSetAway);
        Assert.Equal(Presence.Away, (await harness.AgentAsync(1)).Presence);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
        Assert.Equal(AgentId(2), Assert.Single(pass.Offers).Agent);
        Assert.Contains("OfferExpired", harness.LoggedEvents());
        Assert.Contains("AgentSetAway", harness.LoggedEvents());
    }

    [Fact]
    public async Task Route_ExpiredOfferWithoutAwayRule_KeepsPresence()
    {
        using var harness = new RouterHarness(LongFirstStep() with { AwayAfterMissedOffer = false });
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(3));

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.False(Assert.Single(pass.ExpiredOffers).AgentSetAway);
        Assert.Equal(AgentId(1), Assert.Single(pass.Offers).Agent);
    }

    [Fact]
    public async Task Complete_RemovesEntryAndReleasesAgent()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        await harness.Router.AcceptAsync(ConcernId(1), AgentId(1), cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(7));

        Assert.True(await harness.Router.CompleteAsync(ConcernId(1), cancellationToken: Ct));
        Assert.False(await harness.Router.CompleteAsync(ConcernId(1), cancellationToken: Ct));
        Assert.Equal(0, await harness.Queue.CountAsync(cancellationToken: Ct));
        var agent = await harness.AgentAsync(1);
        Assert.Equal(0, agent.Load);
        Assert.Equal(Start + Duration.FromMinutes(7), agent.IdleSince);
    }

    [Fact]
    public async Task Route_StaleAgent_TriesNextAgent()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1, idleSince: Start - Duration.FromHours(1)), Agent(2));
        await harness.Router.LoadAgentsAsync(cancellationToken: Ct);
        var stale = await harness.AgentAsync(1);
        await harness.Directory.SaveAsync(stale with { Presence = Presence.Offline }, stale.Version, cancellationToken: Ct);
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.Equal(AgentId(2), Assert.Single(pass.Offers).Agent);
        Assert.Equal(1, pass.Conflicts);
        Assert.Contains("ClaimRefused", harness.LoggedEvents());
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
    }

    [Fact]
    public async Task Explain_WaitingConcern_WithoutChangingIt()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);

        var explanation = await harness.Router.ExplainAsync(ConcernId(1), cancellationToken: Ct);

        Assert.Equal(AgentId(1), explanation!.Winner!.Value.Agent);
        Assert.Equal(QueueEntryStatus.Waiting, (await harness.EntryAsync(1)).Status);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
        Assert.Null(await harness.Router.ExplainAsync(ConcernId(9), cancellationToken: Ct));
    }

    [Fact]
    public async Task Route_OrderIsPriorityThenAge()
    {
        using var harness = new RouterHarness(SimplePolicy() with { AgingInterval = null });
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1, priority: Priority.P3), cancellationToken: Ct);
        await harness.Router.EnqueueAsync(Concern(2, priority: Priority.P2, enqueuedAt: Start + Duration.FromSeconds(5)), cancellationToken: Ct);
        await harness.Router.EnqueueAsync(Concern(3, priority: Priority.P2, enqueuedAt: Start + Duration.FromSeconds(2)), cancellationToken: Ct);
        harness.Advance(Duration.FromSeconds(10));

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.Equal([ConcernId(3), ConcernId(2), ConcernId(1)], pass.Decisions.Select(d => d.Entry.ConcernId));
        Assert.Equal(ConcernId(3), Assert.Single(pass.Offers).Entry.ConcernId);
    }

    [Fact]
    public async Task Route_StepTimeoutToDeeperLevel_ReportedOnce()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1, levels: "2"));
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        await harness.Router.RouteAsync(cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(3));

        var pass = await harness.Router.RouteAsync(cancellationToken: Ct);
        var stored = await harness.EntryAsync(1);

        Assert.Equal(Escalation.EscalationReason.StepTimeout, Assert.Single(pass.Escalations).Reason);
        Assert.Equal(AgentId(1), Assert.Single(pass.Offers).Agent);
        Assert.Equal(1, stored.StepIndex);
        Assert.Single(stored.Escalations);
    }

    [Fact]
    public async Task Route_LadderExhausted_ReportedOnceAndConcernKept()
    {
        var policy = SimplePolicy() with { Ladders = [SimplePolicy().Ladders[0] with { Steps = [SimplePolicy().Ladders[0].Steps[0]] }] };
        using var harness = new RouterHarness(policy);
        await harness.Router.EnqueueAsync(Concern(1), cancellationToken: Ct);
        harness.Advance(Duration.FromMinutes(3));

        var first = await harness.Router.RouteAsync(cancellationToken: Ct);
        var second = await harness.Router.RouteAsync(cancellationToken: Ct);

        Assert.Equal([ConcernId(1)], first.Exhausted);
        Assert.Empty(second.Exhausted);
        Assert.True((await harness.EntryAsync(1)).IsExhausted);
        Assert.Contains("LadderExhausted", harness.LoggedEvents());
    }

    [Fact]
    public async Task Constructor_NullArguments_Throw()
    {
        var directory = new Testing.CompetenceRouting.InMemoryAgentDirectory();
        var queue = new Testing.CompetenceRouting.InMemoryRoutingQueueStore();
        var clock = new NodaTime.Testing.FakeClock(Start);

        Assert.Throws<ArgumentNullException>(() => new CompetenceRouter(null!, directory, queue, clock));
        Assert.Throws<ArgumentNullException>(() => new CompetenceRouter(SimplePolicy(), null!, queue, clock));
        Assert.Throws<ArgumentNullException>(() => new CompetenceRouter(SimplePolicy(), directory, null!, clock));
        Assert.Throws<ArgumentNullException>(() => new CompetenceRouter(SimplePolicy(), directory, queue, null!));
        using var harness = new RouterHarness(SimplePolicy());
        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Router.EnqueueAsync(null!, cancellationToken: Ct));
    }

    /// <summary>The simple policy with a first step of ten minutes, longer than the two-minute offer timeout.</summary>
    private static RoutingPolicy LongFirstStep()
    {
        var ladder = SimplePolicy().Ladders[0];
        return SimplePolicy() with { Ladders = [ladder with { Steps = [ladder.Steps[0] with { Timeout = Duration.FromMinutes(10) }, ladder.Steps[1]] }] };
    }
}
