using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.CompetenceRouting.Tests.Support;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Routing;

public partial class CompetenceRouterTests
{
    [Fact]
    public async Task Escalate_ByAgent_MovesDeeperWithNote()
    {
        using var harness = await AssignedAsync(SimplePolicy(), Agent(1), Agent(2, levels: "2"));
        harness.Advance(Duration.FromSeconds(40));

        var result = await harness.Router.EscalateAsync(ConcernId(1), EscalationRequest.ByAgent(AgentId(1), "Meter was replaced in May."), Ct);

        Assert.Equal(QueueUpdateStatus.Escalated, result.Status);
        Assert.Equal(QueueEntryStatus.Waiting, result.Entry!.Status);
        Assert.Equal(1, result.Entry.StepIndex);
        Assert.Equal(EscalationReason.AgentRequest, result.Escalation!.Reason);
        Assert.Equal(AgentId(1), result.Escalation.RequestedBy);
        Assert.Equal("Meter was replaced in May.", result.Escalation.Note);
        Assert.Equal(1, Assert.Single(result.Entry.Notes).Level.Rank);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
        Assert.Equal(AgentId(2), Assert.Single((await harness.Router.RouteAsync(Ct)).Offers).Agent);
        Assert.DoesNotContain(harness.Logger.Collector.GetSnapshot(), r => r.Message.Contains("Meter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalate_ByOtherAgent_NotHeld()
    {
        using var harness = await AssignedAsync(SimplePolicy(), Agent(1, idleSince: Start - Duration.FromHours(1)), Agent(2));

        var result = await harness.Router.EscalateAsync(ConcernId(1), EscalationRequest.ByAgent(AgentId(2)), Ct);

        Assert.Equal(QueueUpdateStatus.NotHeldByAgent, result.Status);
        Assert.Equal(QueueEntryStatus.Assigned, (await harness.EntryAsync(1)).Status);
        Assert.Equal(QueueUpdateStatus.NotFound, (await harness.Router.EscalateAsync(ConcernId(9), new EscalationRequest(), Ct)).Status);
    }

    [Fact]
    public async Task Escalate_NoDeeperStep_ExhaustsAndKeepsAgent()
    {
        using var harness = await AssignedAsync(SimplePolicy(), Agent(1, levels: "1,2"));
        var assigned = await harness.EntryAsync(1);
        await harness.Queue.SaveAsync(assigned with { StepIndex = 1, StepDeadline = null }, assigned.Version, Ct);

        var result = await harness.Router.EscalateAsync(ConcernId(1), EscalationRequest.ByAgent(AgentId(1), "Needs the vendor."), Ct);

        Assert.Equal(QueueUpdateStatus.LadderExhausted, result.Status);
        Assert.Equal(QueueEntryStatus.Assigned, result.Entry!.Status);
        Assert.True(result.Entry.IsExhausted);
        Assert.Null(result.Escalation!.ToStep);
        Assert.Equal(1, (await harness.AgentAsync(1)).Load);
    }

    [Fact]
    public async Task Escalate_Hierarchical_MovesToVipLadder()
    {
        var policy = SimplePolicy() with
        {
            Ladders = [.. SimplePolicy().Ladders, new EscalationLadder { Name = "vip-desk", Steps = [new LadderStep { Level = CompetenceLevel.ThirdLevel }] }],
        };
        using var harness = new RouterHarness(policy);
        await harness.AddAgentsAsync(Agent(1, levels: "3"));
        await harness.Router.EnqueueAsync(Concern(1), Ct);

        var result = await harness.Router.EscalateAsync(ConcernId(1), EscalationRequest.Hierarchical(EscalationReason.Vip, "vip-desk", "Board member."), Ct);
        var pass = await harness.Router.RouteAsync(Ct);

        Assert.Equal(QueueUpdateStatus.Escalated, result.Status);
        Assert.Equal(EscalationKind.Hierarchical, result.Escalation!.Kind);
        Assert.Equal("vip-desk", result.Entry!.Ladder);
        Assert.Equal(AgentId(1), Assert.Single(pass.Offers).Agent);
    }

    [Fact]
    public async Task Escalate_UnknownLadderOrLevel_Throws()
    {
        using var harness = new RouterHarness(SimplePolicy());
        await harness.Router.EnqueueAsync(Concern(1), Ct);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => harness.Router.EscalateAsync(ConcernId(1), EscalationRequest.Hierarchical(EscalationReason.Manager, "board"), Ct));
        var tooDeep = await Assert.ThrowsAsync<ArgumentException>(() => harness.Router.EscalateAsync(ConcernId(1), new EscalationRequest { TargetLadder = "general", TargetLevel = CompetenceLevel.ThirdLevel }, Ct));

        Assert.Contains("'board'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("general", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("no step at level 3", tooDeep.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Router.EscalateAsync(ConcernId(1), null!, Ct));
    }

    [Fact]
    public async Task Reclassify_Waiting_MovesToNewEntryStep()
    {
        using var harness = new RouterHarness(ExamplePolicy.Create(WeekdayCalendar.Berlin));
        await harness.Router.EnqueueAsync(Concern(1, "billing", 1), Ct);
        harness.Advance(Duration.FromMinutes(1));

        var result = await harness.Router.ReclassifyAsync(Concern(1, "billing", 4), AgentId(7), "Dispute over three invoices.", Ct);

        Assert.Equal(QueueUpdateStatus.Reclassified, result.Status);
        Assert.Equal("billing-complex", result.Entry!.Classification.Rule);
        Assert.Equal(3, result.Entry.StepIndex);
        Assert.Equal(Start, result.Entry.Concern.EnqueuedAt);
        Assert.Equal(EscalationReason.Reclassification, result.Escalation!.Reason);
        Assert.Equal("Dispute over three invoices.", result.Escalation.Note);
        Assert.Contains("Reclassified", harness.LoggedEvents());
    }

    [Fact]
    public async Task Reclassify_SameResult_Unchanged()
    {
        using var harness = new RouterHarness(ExamplePolicy.Create(WeekdayCalendar.Berlin));
        await harness.Router.EnqueueAsync(Concern(1, "billing", 1), Ct);

        var result = await harness.Router.ReclassifyAsync(Concern(1, "billing", 2), cancellationToken: Ct);

        Assert.Equal(QueueUpdateStatus.Unchanged, result.Status);
        Assert.Equal(2, result.Entry!.Concern.Complexity);
        Assert.Empty(result.Entry.Escalations);
        Assert.Equal(QueueUpdateStatus.NotFound, (await harness.Router.ReclassifyAsync(Concern(5), cancellationToken: Ct)).Status);
    }

    [Fact]
    public async Task Reclassify_AssignedToShallowerAgent_ReleasesAgent()
    {
        using var harness = await AssignedAsync(ExamplePolicy.Create(WeekdayCalendar.Berlin), Agent(1, skills: "billing:3"));

        var result = await harness.Router.ReclassifyAsync(Concern(1, "billing", 4), AgentId(1), "Too complex for me.", Ct);

        Assert.Equal(QueueUpdateStatus.Reclassified, result.Status);
        Assert.Equal(QueueEntryStatus.Waiting, result.Entry!.Status);
        Assert.Null(result.Entry.AssignedAgent);
        Assert.Equal(0, (await harness.AgentAsync(1)).Load);
    }

    [Fact]
    public async Task Reclassify_AssignedNotDeeper_KeepsAgent()
    {
        using var harness = await AssignedAsync(ExamplePolicy.Create(WeekdayCalendar.Berlin), Agent(1, skills: "billing:3"));

        var result = await harness.Router.ReclassifyAsync(Concern(1, "billing", 2, priority: Priority.P1), cancellationToken: Ct);

        Assert.Equal(QueueEntryStatus.Assigned, result.Entry!.Status);
        Assert.Equal(Priority.P1, result.Entry.Priority);
        Assert.Equal(1, (await harness.AgentAsync(1)).Load);
    }

    private static async Task<RouterHarness> AssignedAsync(RoutingPolicy policy, params Agent[] agents)
    {
        var harness = new RouterHarness(policy);
        await harness.AddAgentsAsync(agents);
        await harness.Router.EnqueueAsync(Concern(1, policy.Rules.Count > 0 ? "billing" : "general"), Ct);
        var pass = await harness.Router.RouteAsync(Ct);
        await harness.Router.AcceptAsync(ConcernId(1), pass.Offers.Single().Agent!.Value, Ct);
        return harness;
    }
}
