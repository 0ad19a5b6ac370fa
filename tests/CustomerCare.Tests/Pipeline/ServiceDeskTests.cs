using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Timeline;
using CustomerCare.Kvp.Metrics;
using CustomerCare.SelfService;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.Sop;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare.Tests.Pipeline;

public sealed class ServiceDeskTests : IAsyncDisposable
{
    private static readonly Resolution Solved = new("solved", "Replaced the parcel.")
    {
        CompletedSteps = ["diagnosis-recorded", "knowledge-checked", "customer-informed"],
    };

    private readonly List<ServiceDeskEvent> _events = [];
    private readonly ServiceDeskHarness _harness;

    public ServiceDeskTests()
    {
        _harness = ServiceDeskHarness.Create(b => b.AddServiceDeskObserver(new RecordingObserver(_events)));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Receive_BuysWritesCalls_OneConcernAndTimeline()
    {
        var customers = _harness.Host.GetRequiredService<ICustomerStore>();
        var customer = await customers.CreateAsync(new Customer
        {
            Id = CustomerId.New(_harness.Time.Now),
            CreatedAt = _harness.Time.Now,
            ContactPoints = [ContactPoint.Email("anna@example.com"), ContactPoint.Phone("+49301234567")],
        }, Token);
        await _harness.Desk.RecordAsync(new Interaction
        {
            Id = InteractionId.New(_harness.Time.Now),
            Channel = Channel.Web,
            Direction = InteractionDirection.Inbound,
            Kind = InteractionKind.Transaction,
            OccurredAt = _harness.Time.Now,
            RecordedAt = _harness.Time.Now,
            CustomerId = customer.Id,
            ExternalId = "order-4711",
            ContactReason = ContactReason.Parse("orders"),
        }, Token);

        _harness.Time.Advance(Duration.FromDays(1));
        var email = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Where is my order 4711?", reason: ServiceDeskHarness.Delivery), Token);
        _harness.Time.Advance(Duration.FromDays(1));
        var call = await _harness.Desk.ReceiveAsync(_harness.Call("call-1", "+49 30 1234567", ServiceDeskHarness.Delivery), Token);

        Assert.Equal(customer.Id, email.Customer);
        Assert.Equal(customer.Id, call.Customer);
        Assert.Equal(email.Concern, call.Concern);
        Assert.Equal(InboundOutcome.AddedToConcern, call.Outcome);
        var timeline = await _harness.Host.GetRequiredService<IInteractionStore>().GetTimelineAsync(new TimelineQuery(customer.Id), Token);
        Assert.Equal(3, timeline.Items.Count);
        Assert.Equal(2, timeline.Items.Count(i => i.ConcernId == email.Concern));
        Assert.Single(_events, e => e.Kind == ServiceDeskEventKind.ConcernOpened);
    }

    [Fact]
    public async Task Receive_StandardQuestion_AnsweredBySelfService()
    {
        var policy = new SelfServicePolicy { Confidence = new ConfidencePolicy(new ConfidenceThresholds(0.6, 0.3)) };
        await using var harness = ServiceDeskHarness.Create(b => b.WithSelfService(ServiceDeskHarness.Knowledge(), policy).AddServiceDeskObserver(new RecordingObserver(_events)));

        var result = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Password", "How do I reset my password?"), Token);

        Assert.Equal(InboundOutcome.AnsweredBySelfService, result.Outcome);
        Assert.Equal(SelfServiceOutcomeKind.Answered, result.SelfService!.Kind);
        Assert.Null(result.OfferedTo);
        Assert.Null(result.ProcedureState);
        var concern = await harness.Host.GetRequiredService<IConcernStore>().FindAsync(result.Concern, Token);
        Assert.Equal(ConcernStatus.Resolved, concern!.Status);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.AnsweredBySelfService && e.Concern == result.Concern);
    }

    [Fact]
    public async Task Receive_UnknownQuestion_HandedOffWithSelfServiceDecision()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.WithSelfService(ServiceDeskHarness.Knowledge()));
        var agent = await harness.AddAgentAsync(1);

        var result = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Invoice", "The invoice lists a tariff I never booked."), Token);

        Assert.Equal(InboundOutcome.Routed, result.Outcome);
        Assert.NotNull(result.SelfService);
        Assert.NotEqual(SelfServiceOutcomeKind.Answered, result.SelfService.Kind);
        Assert.Equal(agent.Id, result.OfferedTo);
    }

    [Fact]
    public async Task Receive_HandOff_RoutedAndOffered()
    {
        var agent = await _harness.AddAgentAsync(1);

        var result = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged", reason: ServiceDeskHarness.Delivery), new InboundDetails { Complexity = 2 }, Token);

        Assert.Equal(InboundOutcome.Routed, result.Outcome);
        Assert.Equal(agent.Id, result.OfferedTo);
        Assert.Equal(CompetenceLevel.FirstLevel.Rank, result.Level!.Value.Rank);
        Assert.Equal(new Priority(3), result.Priority);
        Assert.Equal(LifecycleStates.Triaged, result.ProcedureState);
        Assert.NotNull(result.Routing);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.Routed && e.Agent == agent.Id);
    }

    [Fact]
    public async Task Receive_NoAgent_Queued()
    {
        var result = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);

        Assert.Equal(InboundOutcome.Queued, result.Outcome);
        Assert.Null(result.OfferedTo);
        Assert.NotNull(result.Routing);
    }

    [Fact]
    public async Task Receive_RouteOnReceiveOff_QueuedUntilDueWork()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.ConfigureServiceDesk(o => o.RouteOnReceive = false));
        var agent = await harness.AddAgentAsync(1);

        var received = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);
        var due = await harness.Desk.ProcessDueWorkAsync(harness.Time.Now, Token);

        Assert.Equal(InboundOutcome.Queued, received.Outcome);
        Assert.Null(received.OfferedTo);
        Assert.Equal(1, due.Offers);
        Assert.Contains(due.Events, e => e.Kind == ServiceDeskEventKind.Routed && e.Agent == agent.Id && e.Concern == received.Concern);
    }

    [Fact]
    public async Task AcceptOffer_Offered_WorkStarts()
    {
        var agent = await _harness.AddAgentAsync(1);
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);

        var accepted = await _harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);

        Assert.Equal(AgentActionStatus.Applied, accepted.Status);
        Assert.Equal(LifecycleStates.InProgress, accepted.State);
    }

    [Fact]
    public async Task AcceptOffer_OtherAgent_Rejected()
    {
        await _harness.AddAgentAsync(1);
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);

        var accepted = await _harness.Desk.AcceptOfferAsync(received.Concern, AgentId.New(_harness.Time.Now), "accept-1", Token);

        Assert.Equal(AgentActionStatus.Rejected, accepted.Status);
        Assert.Contains("not offered", accepted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestInformation_Pending_PausesSlaAndMovesDueDate()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.WithSla(ServiceDeskHarness.Sla(Duration.FromHours(1), Duration.FromHours(8))));
        var agent = await harness.AddAgentAsync(1);
        var received = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);
        await harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        var deadline = Resolution(await harness.Desk.GetSlaStatusAsync(received.Concern, Token)).Deadline;

        harness.Time.Advance(Duration.FromHours(1));
        var pending = await harness.Desk.RequestInformationAsync(received.Concern, agent.Id, "photo of the parcel", "ask-1", Token);
        harness.Time.Advance(Duration.FromHours(3));
        var paused = Resolution(await harness.Desk.GetSlaStatusAsync(received.Concern, Token));
        var reply = await harness.Desk.ReceiveAsync(harness.Email("m2@example.com", "Re: Parcel damaged", "Photo attached.") with { InReplyTo = ["m1@example.com"] }, Token);
        var resumed = Resolution(await harness.Desk.GetSlaStatusAsync(received.Concern, Token));

        Assert.Equal(LifecycleStates.PendingCustomer, pending.State);
        Assert.Equal(SlaClockState.Paused, paused.State);
        Assert.Equal(InboundOutcome.AddedToConcern, reply.Outcome);
        Assert.Equal(LifecycleStates.InProgress, reply.ProcedureState);
        Assert.Equal(SlaClockState.Running, resumed.State);
        Assert.Equal(deadline + Duration.FromHours(3), resumed.Deadline);
    }

    [Fact]
    public async Task Reply_StopsFirstResponseAndRestartsNextResponse()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.WithSla(ServiceDeskHarness.Sla(Duration.FromHours(1), Duration.FromHours(8))));
        var agent = await harness.AddAgentAsync(1);
        var received = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);
        await harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);

        harness.Time.Advance(Duration.FromMinutes(10));
        var reply = await harness.Desk.ReplyAsync(received.Concern, agent.Id, Channel.Email, "outbox/1", "reply-1", Token);
        harness.Time.Advance(Duration.FromMinutes(10));
        await harness.Desk.ReceiveAsync(harness.Email("m2@example.com", "Re: Parcel damaged", "And the box was wet.") with { InReplyTo = ["m1@example.com"] }, Token);
        var statuses = await harness.Desk.GetSlaStatusAsync(received.Concern, Token);

        Assert.Equal(AgentActionStatus.Applied, reply.Status);
        Assert.Equal(SlaClockState.Met, Assert.Single(statuses, s => s.Target.Kind == SlaTargetKind.FirstResponse).State);
        var next = Assert.Single(statuses, s => s.Target.Kind == SlaTargetKind.NextResponse);
        Assert.Equal(SlaClockState.Running, next.State);
        Assert.Equal(harness.Time.Now + Duration.FromHours(1), next.Deadline);
    }

    [Fact]
    public async Task ProcessDueWork_SlaBreach_RaisesBreachAndEscalates()
    {
        await using var harness = ServiceDeskHarness.Create(b => b
            .WithSla(ServiceDeskHarness.Sla(Duration.FromHours(1), Duration.FromHours(8)))
            .AddServiceDeskObserver(new RecordingObserver(_events)));
        var received = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);

        harness.Time.Advance(Duration.FromMinutes(30));
        var warning = await harness.Desk.ProcessDueWorkAsync(harness.Time.Now, Token);
        harness.Time.Advance(Duration.FromMinutes(30));
        var breach = await harness.Desk.ProcessDueWorkAsync(harness.Time.Now, Token);
        var again = await harness.Desk.ProcessDueWorkAsync(harness.Time.Now, Token);

        var warned = Assert.Single(warning.Events, e => e.Kind == ServiceDeskEventKind.SlaWarning);
        Assert.Equal("50", warned.Detail);
        Assert.Equal(SlaTargetKind.FirstResponse, warned.SlaTarget);
        var breached = Assert.Single(breach.Events, e => e.Kind == ServiceDeskEventKind.SlaBreached);
        Assert.Equal(received.Concern, breached.Concern);
        var escalated = Assert.Single(breach.Events, e => e.Kind == ServiceDeskEventKind.Escalated);
        Assert.Equal(SlaTargetKind.FirstResponse, escalated.SlaTarget);
        Assert.Equal("SlaRisk", escalated.Detail);

        // The first-level step timed out after ten minutes, so the breach moves the concern from the specialists on.
        Assert.Contains(warning.Events, e => e.Kind == ServiceDeskEventKind.Escalated && e.Detail == "StepTimeout");
        Assert.Equal(CompetenceLevel.ThirdLevel.Rank, escalated.Level!.Value.Rank);
        Assert.DoesNotContain(again.Events, e => e.Kind is ServiceDeskEventKind.SlaBreached or ServiceDeskEventKind.SlaWarning);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.SlaBreached);
    }

    [Fact]
    public async Task ProcessDueWork_Late_RaisesWarningAndBreach()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.WithSla(ServiceDeskHarness.Sla(Duration.FromHours(1), Duration.FromHours(8))));
        await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);

        harness.Time.Advance(Duration.FromHours(3));
        var result = await harness.Desk.ProcessDueWorkAsync(harness.Time.Now, Token);

        var warning = Assert.Single(result.Events, e => e.Kind == ServiceDeskEventKind.SlaWarning);
        Assert.Equal(CustomerCareTestHostStart + Duration.FromMinutes(30), warning.At);
        var breach = Assert.Single(result.Events, e => e.Kind == ServiceDeskEventKind.SlaBreached);
        Assert.Equal(CustomerCareTestHostStart + Duration.FromHours(1), breach.At);
        Assert.Equal(2, result.SlaItems);
        Assert.False(result.MoreDue);
    }

    [Fact]
    public async Task ProcessDueWork_PausedBeforeDeadline_NoBreach()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.WithSla(ServiceDeskHarness.Sla(Duration.FromMinutes(30), Duration.FromHours(1))));
        var agent = await harness.AddAgentAsync(1);
        var received = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);
        await harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        await harness.Desk.RequestInformationAsync(received.Concern, agent.Id, "photo", "ask-1", Token);

        harness.Time.Advance(Duration.FromHours(2));
        var result = await harness.Desk.ProcessDueWorkAsync(harness.Time.Now, Token);

        Assert.DoesNotContain(result.Events, e => e.Kind == ServiceDeskEventKind.SlaBreached);
        Assert.Equal(SlaClockState.Paused, Resolution(await harness.Desk.GetSlaStatusAsync(received.Concern, Token)).State);
    }

    [Fact]
    public async Task ProcessDueWork_AutoCloseTimer_ClosesResolvedConcern()
    {
        var agent = await _harness.AddAgentAsync(1);
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);
        await _harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        var resolved = await _harness.Desk.ResolveAsync(received.Concern, agent.Id, Solved, "resolve-1", Token);

        _harness.Time.Advance(Duration.FromDays(2));
        var early = await _harness.Desk.ProcessDueWorkAsync(_harness.Time.Now, Token);
        _harness.Time.Advance(Duration.FromDays(1));
        var due = await _harness.Desk.ProcessDueWorkAsync(_harness.Time.Now, Token);

        Assert.Equal(AgentActionStatus.Applied, resolved.Status);
        Assert.Equal(LifecycleStates.Resolved, resolved.State);
        Assert.Equal(0, early.TimersFired);
        Assert.Equal(1, due.TimersFired);
        Assert.Contains(due.Events, e => e.Kind == ServiceDeskEventKind.Closed && e.Concern == received.Concern);
        var concern = await _harness.Host.GetRequiredService<IConcernStore>().FindAsync(received.Concern, Token);
        Assert.Equal(ConcernStatus.Closed, concern!.Status);
    }

    [Fact]
    public async Task Receive_AfterAutoClose_StartsFollowUpConcern()
    {
        var agent = await _harness.AddAgentAsync(1);
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);
        await _harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        await _harness.Desk.ResolveAsync(received.Concern, agent.Id, Solved, "resolve-1", Token);
        _harness.Time.Advance(Duration.FromDays(3));
        await _harness.Desk.ProcessDueWorkAsync(_harness.Time.Now, Token);

        var later = await _harness.Desk.ReceiveAsync(_harness.Email("m2@example.com", "Re: Parcel damaged", "It broke again.") with { InReplyTo = ["m1@example.com"] }, Token);

        Assert.NotEqual(received.Concern, later.Concern);
        Assert.Equal(Interactions.Threading.ThreadingAction.FollowUp, later.Threading!.Action);
        Assert.Equal(InboundOutcome.Routed, later.Outcome);
        Assert.Equal(LifecycleStates.Triaged, later.ProcedureState);
    }

    [Fact]
    public async Task Receive_OnResolvedConcern_Reopens()
    {
        var agent = await _harness.AddAgentAsync(1);
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);
        await _harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        await _harness.Desk.ResolveAsync(received.Concern, agent.Id, Solved, "resolve-1", Token);

        _harness.Time.Advance(Duration.FromHours(2));
        var reply = await _harness.Desk.ReceiveAsync(_harness.Email("m2@example.com", "Re: Parcel damaged", "Not fixed.") with { InReplyTo = ["m1@example.com"] }, Token);

        Assert.Equal(received.Concern, reply.Concern);
        Assert.Equal(InboundOutcome.AddedToConcern, reply.Outcome);
        Assert.Equal(LifecycleStates.InProgress, reply.ProcedureState);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.Reopened && e.Concern == received.Concern);
        var concern = await _harness.Host.GetRequiredService<IConcernStore>().FindAsync(received.Concern, Token);
        Assert.Equal(ConcernStatus.Open, concern!.Status);
    }

    [Fact]
    public async Task Resolve_OpenMandatoryStep_RejectedWithReason()
    {
        var agent = await _harness.AddAgentAsync(1);
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);
        await _harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);

        var result = await _harness.Desk.ResolveAsync(received.Concern, agent.Id, new Resolution("solved", "Done."), "resolve-1", Token);

        Assert.Equal(AgentActionStatus.Rejected, result.Status);
        Assert.Contains("diagnosis-recorded", result.OpenMandatorySteps);
        Assert.Equal(LifecycleStates.InProgress, result.State);
        Assert.NotNull(result.Message);
    }

    [Fact]
    public async Task Escalate_WithKnowledge_RoutesDeeperAndProposesKnowledge()
    {
        var first = await _harness.AddAgentAsync(1, "1");
        var specialist = await _harness.AddAgentAsync(2, "2");
        var received = await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel lost in customs"), Token);
        await _harness.Desk.AcceptOfferAsync(received.Concern, first.Id, "accept-1", Token);

        var escalated = await _harness.Desk.EscalateAsync(received.Concern, first.Id, "Customs holds parcels without an invoice copy.", "escalate-1", Token);
        var accepted = await _harness.Desk.AcceptOfferAsync(received.Concern, specialist.Id, "accept-2", Token);
        var resolved = await _harness.Desk.ResolveAsync(received.Concern, specialist.Id, Solved, "resolve-1", Token);

        Assert.Equal(AgentActionStatus.Applied, escalated.Status);
        Assert.Equal(CompetenceLevel.SecondLevel.Rank, escalated.Level!.Value.Rank);
        Assert.Equal(specialist.Id, escalated.OfferedTo);
        Assert.Equal(AgentActionStatus.Applied, accepted.Status);
        Assert.Equal(AgentActionStatus.Applied, resolved.Status);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.Escalated && e.Agent == first.Id);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.KnowledgeProposed && e.Concern == received.Concern);
    }

    [Fact]
    public async Task Receive_Retried_ChangesNothingTwice()
    {
        await _harness.AddAgentAsync(1);
        var contact = _harness.Email("m1@example.com", "Parcel damaged");

        var first = await _harness.Desk.ReceiveAsync(contact, Token);
        var again = await _harness.Desk.ReceiveAsync(contact, Token);

        Assert.Equal(InboundOutcome.Routed, first.Outcome);
        Assert.Equal(InboundOutcome.Duplicate, again.Outcome);
        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Interaction, again.Interaction);
        Assert.Equal(first.Concern, again.Concern);
        Assert.Single(_events, e => e.Kind == ServiceDeskEventKind.Routed);
        var audit = await _harness.Host.GetRequiredService<IConcernSnapshotStore>().ListAuditAsync(first.Concern, 0, 100, Token);
        Assert.Equal(2, audit.Count);
    }

    [Fact]
    public async Task Receive_ParallelSameExternalId_OneInteraction()
    {
        await _harness.AddAgentAsync(1);
        var contact = _harness.Email("m1@example.com", "Parcel damaged");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _harness.Desk.ReceiveAsync(contact, Token))));

        Assert.Single(results.Select(r => r.Interaction).Distinct());
        Assert.Single(results.Select(r => r.Concern).Distinct());
        var timeline = await _harness.Host.GetRequiredService<IInteractionStore>().GetTimelineAsync(new TimelineQuery(results[0].Customer), Token);
        Assert.Single(timeline.Items);
        var audit = await _harness.Host.GetRequiredService<IConcernSnapshotStore>().ListAuditAsync(results[0].Concern, 0, 100, Token);
        Assert.Equal(2, audit.Count);
        Assert.Single(_events, e => e.Kind == ServiceDeskEventKind.Routed);
    }

    [Fact]
    public async Task Actions_RetriedWithSameKey_ChangeNothingTwice()
    {
        await using var harness = ServiceDeskHarness.Create(b => b.WithSla(ServiceDeskHarness.Sla(Duration.FromHours(1), Duration.FromHours(8))));
        var agent = await harness.AddAgentAsync(1);
        var received = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);
        await harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        var reply = await harness.Desk.ReplyAsync(received.Concern, agent.Id, Channel.Email, null, "reply-1", Token);
        await harness.Desk.RequestInformationAsync(received.Concern, agent.Id, "photo", "ask-1", Token);
        var slaClocks = harness.Host.GetRequiredService<SlaTracking.ISlaClockStore>();
        var before = (await slaClocks.FindAsync(received.Concern, Token))!;

        var acceptAgain = await harness.Desk.AcceptOfferAsync(received.Concern, agent.Id, "accept-1", Token);
        var replyAgain = await harness.Desk.ReplyAsync(received.Concern, agent.Id, Channel.Email, null, "reply-1", Token);
        var askAgain = await harness.Desk.RequestInformationAsync(received.Concern, agent.Id, "photo", "ask-1", Token);
        var after = (await slaClocks.FindAsync(received.Concern, Token))!;

        Assert.Equal(AgentActionStatus.Applied, reply.Status);
        Assert.Equal(AgentActionStatus.Duplicate, acceptAgain.Status);
        Assert.Equal(AgentActionStatus.Duplicate, replyAgain.Status);
        Assert.Equal(AgentActionStatus.Duplicate, askAgain.Status);
        Assert.Equal(LifecycleStates.PendingCustomer, askAgain.State);
        Assert.Equal(before.Version, after.Version);
        Assert.Contains(after.Entries, e => e.Kind == SlaEventKind.Paused);
        var timeline = await harness.Host.GetRequiredService<IInteractionStore>().GetTimelineAsync(new TimelineQuery(received.Customer), Token);
        Assert.Single(timeline.Items, i => i.Direction == InteractionDirection.Outbound);
    }

    [Fact]
    public async Task Observer_Throws_LoggedAndPipelineContinues()
    {
        await using var harness = ServiceDeskHarness.Create(b => b
            .AddServiceDeskObserver(new ThrowingObserver())
            .AddServiceDeskObserver(new RecordingObserver(_events)));
        await harness.AddAgentAsync(1);

        var result = await harness.Desk.ReceiveAsync(harness.Email("m1@example.com", "Parcel damaged"), Token);

        Assert.Equal(InboundOutcome.Routed, result.Outcome);
        Assert.Contains(_events, e => e.Kind == ServiceDeskEventKind.Routed);
        Assert.Contains(harness.Host.Logs.GetSnapshot(), r => r.Id.Name == "ObserverFailed" && r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Receive_Contact_RecordsContactMetric()
    {
        using var contacts = _harness.Host.CollectMetric<long>("customercare.contact.received");

        await _harness.Desk.ReceiveAsync(_harness.Email("m1@example.com", "Parcel damaged"), Token);

        var measurement = Assert.Single(contacts.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("email", measurement.Tags["customercare.channel"]);
        Assert.Equal("queued", measurement.Tags["customercare.outcome"]);
    }

    [Fact]
    public async Task ProposeIdeas_VolumeRise_SubmitsOnceAndRaisesEvent()
    {
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        var start = _harness.Time.Now - Duration.FromDays(35);
        for (var day = 0; day < 35; day++)
        {
            for (var i = 0; i < (day < 28 ? 3 : 9); i++)
            {
                var at = start + Duration.FromDays(day) + Duration.FromHours(i);
                metrics.Add(Kvp.History.ConcernEvent.Opened(ConcernId.New(at), at, default, Channel.Email, ContactReason.Parse("billing/refund")));
            }
        }

        var snapshot = metrics.Snapshot(_harness.Time.Now);
        var ideas = await _harness.Desk.ProposeIdeasAsync(snapshot, Token);
        var again = await _harness.Desk.ProposeIdeasAsync(snapshot, Token);

        var idea = Assert.Single(ideas);
        Assert.Equal(idea.Id, Assert.Single(again).Id);
        var proposed = Assert.Single(_events, e => e.Kind == ServiceDeskEventKind.IdeaProposed);
        Assert.Equal(idea.Id.ToString(), proposed.Detail);
    }

    [Fact]
    public async Task Methods_BadInput_Throw()
    {
        var desk = _harness.Desk;
        var concern = ConcernId.New(_harness.Time.Now);
        var agent = AgentId.New(_harness.Time.Now);

        await Assert.ThrowsAsync<ArgumentNullException>(() => desk.ReceiveAsync(null!, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => desk.ReceiveAsync(_harness.Email("m1@example.com", "x"), new InboundDetails { Complexity = 6 }, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => desk.ReceiveAsync(new InboundContact { Channel = Channel.Email, Kind = InteractionKind.Message, OccurredAt = _harness.Time.Now }, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => desk.AcceptOfferAsync(concern, agent, " ", Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => desk.ResolveAsync(concern, agent, null!, "k", Token));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => desk.EscalateAsync(concern, agent, "knowledge", "k", Token));
    }

    private static Instant CustomerCareTestHostStart => Testing.CustomerCareTestHost.DefaultStart;

    private static SlaClockStatus Resolution(IReadOnlyList<SlaClockStatus> statuses) =>
        Assert.Single(statuses, s => s.Target.Kind == SlaTargetKind.Resolution);

    private sealed class RecordingObserver(List<ServiceDeskEvent> events) : IServiceDeskObserver
    {
        public ValueTask OnEventAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken)
        {
            lock (events)
            {
                events.Add(serviceDeskEvent);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IServiceDeskObserver
    {
        public ValueTask OnEventAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("observer failed");
    }
}
