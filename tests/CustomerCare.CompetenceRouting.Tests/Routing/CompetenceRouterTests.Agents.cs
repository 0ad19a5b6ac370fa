using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public partial class CompetenceRouterTests
{
    [Fact]
    public async Task SetPresence_Available_GetsWorkOnNextPass()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1, Presence.Offline));
        await harness.Router.EnqueueAsync(Concern(1), Ct);
        Assert.Empty((await harness.Router.RouteAsync(Ct)).Offers);
        harness.Advance(Duration.FromSeconds(30));

        var agent = await harness.Router.SetPresenceAsync(AgentId(1), Presence.Available, Ct);
        var pass = await harness.Router.RouteAsync(Ct);

        Assert.Equal(Presence.Available, agent.Presence);
        Assert.Equal(Start + Duration.FromSeconds(30), agent.IdleSince);
        Assert.Equal(AgentId(1), Assert.Single(pass.Offers).Agent);
        Assert.Contains("PresenceChanged", harness.LoggedEvents());
    }

    [Fact]
    public async Task SetPresence_SameOrBad_HandledWithoutWrite()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));

        var same = await harness.Router.SetPresenceAsync(AgentId(1), Presence.Available, Ct);

        Assert.Equal(1, same.Version);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => harness.Router.SetPresenceAsync(AgentId(9), Presence.Away, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Router.SetPresenceAsync(AgentId(1), (Presence)7, Ct));
    }

    [Fact]
    public async Task SaveAgent_UpdatesDirectoryAndPool()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.Router.EnqueueAsync(Concern(1), Ct);

        var stored = await harness.Router.SaveAgentAsync(Agent(1), 0, Ct);
        var pass = await harness.Router.RouteAsync(Ct);

        Assert.Equal(1, stored.Version);
        Assert.Equal(AgentId(1), Assert.Single(pass.Offers).Agent);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => harness.Router.SaveAgentAsync(Agent(1), 0, Ct));
    }

    [Fact]
    public async Task LoadAgents_ForgetsAgentsRemovedBehindRouter()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1), Agent(2));
        Assert.Equal(2, await harness.Router.LoadAgentsAsync(Ct));
        await harness.Directory.RemoveAsync(AgentId(1), 1, Ct);

        Assert.Equal(1, await harness.Router.LoadAgentsAsync(Ct));
        await harness.Router.EnqueueAsync(Concern(1), Ct);
        var pass = await harness.Router.RouteAsync(Ct);

        Assert.Equal(AgentId(2), Assert.Single(pass.Offers).Agent);
        Assert.Equal(2, pass.Decisions.Single().Explanation.TotalAgents + 1);
    }

    [Fact]
    public async Task Reconcile_ReleasesOrphanClaimAndRequeuesOrphanOffer()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1), Agent(2));
        await harness.Router.EnqueueAsync(Concern(1), Ct);
        await harness.Router.EnqueueAsync(Concern(2), Ct);

        // A crash after the claim: agent 1 holds capacity for concern 1, which the queue still has waiting.
        await harness.Directory.ClaimCapacityAsync(new CapacityClaim { Agent = AgentId(1), Concern = ConcernId(1), Requirement = new AgentRequirement { Level = CompetenceLevel.FirstLevel, Channel = Channel.Phone }, At = Start }, Ct);

        // A lost release: concern 2 is offered to agent 2, which holds nothing for it.
        var second = await harness.EntryAsync(2);
        await harness.Queue.SaveAsync(second with { Status = QueueEntryStatus.Offered, Offer = new Offer(AgentId(2), Start, Start + Duration.FromMinutes(2)) }, second.Version, Ct);

        var repairs = await harness.Router.ReconcileAsync(Ct);

        Assert.Equal(2, repairs);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
        Assert.Equal(QueueEntryStatus.Waiting, (await harness.EntryAsync(2)).Status);
        Assert.Equal(0, await harness.Router.ReconcileAsync(Ct));
        Assert.Equal(2, harness.LoggedEvents().Count(e => e == "OrphanRepaired"));
    }

    [Fact]
    public async Task Reconcile_ConsistentState_RepairsNothing()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.AddAgentsAsync(Agent(1));
        await harness.Router.EnqueueAsync(Concern(1), Ct);
        await harness.Router.RouteAsync(Ct);

        Assert.Equal(0, await harness.Router.ReconcileAsync(Ct));
        Assert.Equal(QueueEntryStatus.Offered, (await harness.EntryAsync(1)).Status);
    }
}
