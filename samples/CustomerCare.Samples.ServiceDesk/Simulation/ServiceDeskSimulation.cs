using System.Diagnostics;
using System.Globalization;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Kvp.Signals;
using CustomerCare.Samples.ServiceDesk.Contacts;
using CustomerCare.Samples.ServiceDesk.Knowledge;
using CustomerCare.Sla.Clocks;
using NodaTime;
using CareDesk = CustomerCare.ServiceDesk;
using KvpSelfServiceOutcome = CustomerCare.Kvp.History.SelfServiceOutcome;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>
/// Runs the service desk over a stream of contacts as discrete events on a simulated clock: contacts arrive, agents
/// start and end shifts, accept offers, work, ask for information, escalate, reply and resolve, customers answer and
/// confirm, and the desk processes its due work every few simulated minutes.
/// </summary>
/// <remarks>
/// One run is single-threaded and repeatable: the same plan gives the same calls in the same order. Knowledge that an
/// escalation produced becomes a self-service article as soon as the concern is resolved, so later customers with the
/// same concern can be answered without a person.
/// </remarks>
internal sealed partial class ServiceDeskSimulation
{
    /// <summary>The interval at which the desk processes its due work.</summary>
    public static readonly Duration DueWorkInterval = Duration.FromMinutes(5);

    private readonly SimulationPlan _plan;
    private readonly SimulationClock _clock;
    private readonly EventBuffer _events = new();
    private readonly AgentBehaviour _behaviour;
    private readonly LearningKnowledgeMatcher _matcher;
    private readonly KvpRecorder _recorder;
    private readonly SimulationCounters _counters = new();
    private readonly PriorityQueue<Happening, (Instant At, long Sequence)> _agenda = new();
    private readonly Dictionary<ConcernId, ConcernCase> _cases = [];
    private readonly Dictionary<AgentId, AgentState> _agents = [];
    private readonly HashSet<ConcernId> _selfServed = [];
    private long _sequence;
    private int _onShift;
    private Instant _nextTick = Instant.MaxValue;

    private ServiceDeskSimulation(SimulationPlan plan)
    {
        _plan = plan;
        _clock = new SimulationClock(plan.Start);
        _behaviour = new AgentBehaviour(plan.Seed);
        _matcher = new LearningKnowledgeMatcher(plan.InitialKnowledge, plan.CalibrationQueries);
        _recorder = new KvpRecorder(new KvpMetricsAccumulator(new KvpMetricsOptions
        {
            BusinessCalendar = plan.Organization.Office,
            // Loaded labour cost per handled minute (0.60 EUR is 36 EUR an hour) and the running cost of one
            // self-service answer; the figures are assumptions of the sample, not benchmarks of the industry.
            CostModel = new CostModel { Currency = "EUR", CostPerAutomatedContact = 0.40m }
                .SetCostPerHandledMinute(CompetenceLevel.FirstLevel, 0.60m)
                .SetCostPerHandledMinute(CompetenceLevel.SecondLevel, 0.90m)
                .SetCostPerHandledMinute(CompetenceLevel.ThirdLevel, 1.30m),
        }));
    }

    /// <summary>Runs the plan and returns what happened.</summary>
    /// <param name="plan">The contacts, organization, knowledge and storage.</param>
    /// <param name="progress">Receives the share of the simulated period done, 0 to 1; may be null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<SimulationOutcome> RunAsync(SimulationPlan plan, Action<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var simulation = new ServiceDeskSimulation(plan);
        return await simulation.RunAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SimulationOutcome> RunAsync(Action<double>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var host = await DeskHost.StartAsync(_plan, _clock, _matcher, _events, cancellationToken).ConfigureAwait(false);
        var desk = host.Desk;

        await RegisterAgentsAsync(desk, cancellationToken).ConfigureAwait(false);
        var reachability = desk.GetReachability(_plan.Start.InZone(_plan.Organization.Office.Zone).Date);
        ScheduleArrivalsShiftsAndTicks();

        var span = (_plan.End - _plan.Start).TotalTicks;
        var reported = -1;
        while (_agenda.TryDequeue(out var happening, out var key) && key.At <= _plan.End)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _clock.AdvanceTo(key.At);
            await HandleAsync(desk, happening, cancellationToken).ConfigureAwait(false);
            HandleEvents();

            var percent = (int)(100 * (key.At - _plan.Start).TotalTicks / span);
            if (percent != reported)
            {
                reported = percent;
                progress?.Invoke(percent / 100.0);
            }
        }

        progress?.Invoke(1);

        // First-contact resolution and verified self-service answers need their seven-day window to end, so the
        // figures are taken as of eight days after the period; nothing happens in between.
        var snapshot = _recorder.Metrics.Snapshot(_plan.End + Duration.FromDays(8));
        var signals = new SignalDetector().Detect(snapshot);
        var ideas = signals.Select((s, i) => s.ToIdea(new IdeaId(IdFor(i + 1)), _plan.End)).ToList();
        return new SimulationOutcome
        {
            Metrics = snapshot,
            Signals = signals,
            Ideas = ideas,
            Counters = _counters,
            Organization = _plan.Organization,
            LearnedTopics = [.. _matcher.LearnedIntents.Select(i => i.Code)],
            ArticlesAtStart = _matcher.ArticlesAtStart,
            Elapsed = stopwatch.Elapsed,
            Reachability = reachability,
        };
    }

    private async Task RegisterAgentsAsync(CareDesk desk, CancellationToken cancellationToken)
    {
        foreach (var profile in _plan.Organization.Agents)
        {
            var agent = await desk.SaveAgentAsync(AgentFactory.Create(profile, _plan.Start), 0, cancellationToken).ConfigureAwait(false);
            _agents[agent.Id] = new AgentState(profile, agent.Id);
        }
    }

    private void ScheduleArrivalsShiftsAndTicks()
    {
        foreach (var contact in _plan.Source.Contacts)
        {
            Schedule(contact.ArrivesAt, new Happening.Arrival(contact));
        }

        foreach (var agent in _agents.Values)
        {
            foreach (var shift in agent.Profile.Shift.GetBusinessSpans(_plan.Start, _plan.End))
            {
                Schedule(shift.Start, new Happening.ShiftChange(agent, Starts: true));
                Schedule(shift.End, new Happening.ShiftChange(agent, Starts: false));
            }
        }

        _nextTick = _plan.Start;
        Schedule(_plan.Start, new Happening.DueWorkTick(_plan.Start));
    }

    private void Schedule(Instant at, Happening happening) => _agenda.Enqueue(happening, (at, _sequence++));

    private Task HandleAsync(CareDesk desk, Happening happening, CancellationToken cancellationToken) => happening switch
    {
        Happening.Arrival arrival => ReceiveAsync(desk, arrival.Contact, cancellationToken),
        Happening.InformationArrives answer => ReceiveInformationAsync(desk, answer.Case, cancellationToken),
        Happening.ShiftChange change => ChangeShiftAsync(desk, change.Agent, change.Starts, cancellationToken),
        Happening.Accept accept => AcceptAsync(desk, accept.Case, accept.Agent, cancellationToken),
        Happening.FinishWork work => FinishWorkAsync(desk, work.Case, work.Agent, cancellationToken),
        Happening.Close close => CloseAsync(desk, close.Case, cancellationToken),
        Happening.DueWorkTick tick when tick.At == _nextTick => ProcessDueWorkAsync(desk, cancellationToken),
        Happening.DueWorkTick => Task.CompletedTask,
        _ => throw new UnreachableException($"Unknown happening {happening}."),
    };

    /// <summary>
    /// Processes the due work and schedules the next pass: every five minutes while agents are on shift and concerns
    /// wait for one, because offers expire and new capacity must be offered; otherwise at the next SLA instant the desk
    /// names, and at least hourly for procedure timers.
    /// </summary>
    private async Task ProcessDueWorkAsync(CareDesk desk, CancellationToken cancellationToken)
    {
        var now = _clock.Now;
        var result = await desk.ProcessDueWorkAsync(now, cancellationToken).ConfigureAwait(false);
        Instant next;
        if (result.MoreDue)
        {
            next = now + Duration.FromSeconds(1);
        }
        else if (_onShift > 0 && _cases.Values.Any(c => !c.Resolved && c.Agent is null))
        {
            next = now + DueWorkInterval;
        }
        else if (_cases.Values.Any(c => !c.Resolved))
        {
            var hour = now + Duration.FromHours(1);
            next = await desk.GetNextDueAsync(cancellationToken).ConfigureAwait(false) is { } due && due < hour
                ? Instant.Max(due, now + Duration.FromSeconds(1))
                : hour;
        }
        else
        {
            // Nothing is open, so nothing can fall due until the next contact arrives, which pulls the pass forward.
            // Replays with long quiet gaps, such as the CFPB sample's three years, skip them this way.
            _nextTick = Instant.MaxValue;
            return;
        }

        _nextTick = next;
        Schedule(next, new Happening.DueWorkTick(next));
    }

    /// <summary>Brings the next due-work pass forward to <paramref name="at"/> when it is later, so new work is offered
    /// within the usual five minutes.</summary>
    private void PullDueWorkForward(Instant at)
    {
        if (_nextTick > at)
        {
            _nextTick = at;
            Schedule(at, new Happening.DueWorkTick(at));
        }
    }

    private async Task ReceiveAsync(CareDesk desk, ContactRequest contact, CancellationToken cancellationToken)
    {
        _counters.ContactsReceived++;
        _counters.Count(_counters.ContactsByChannel, contact.Channel);
        var now = _clock.Now;
        PullDueWorkForward(now + DueWorkInterval);
        // The desk learns the true complexity only by working on the concern, so every contact enters as simple.
        var details = new InboundDetails { Complexity = 1, AsksForPerson = _behaviour.AsksForPerson(contact.Channel, contact.Complexity) };
        var result = await desk.ReceiveAsync(ToInbound(contact, contact.ExternalId, contact.Text), details, cancellationToken).ConfigureAwait(false);

        switch (result.Outcome)
        {
            case InboundOutcome.Duplicate:
                _counters.Duplicates++;
                return;

            case InboundOutcome.AnsweredBySelfService:
                _counters.AnsweredBySelfService++;
                _counters.Count(_counters.SelfServedByChannel, contact.Channel);
                if (result.SelfService?.Articles is { IsDefaultOrEmpty: false } articles && articles[0].Article is { } article && _matcher.IsLearned(article))
                {
                    _counters.AnsweredWithLearnedArticles++;
                }

                // A follow-up that self-service answers on a concern a person already works on leaves that
                // concern's record as it is.
                if (!_cases.ContainsKey(result.Concern))
                {
                    _selfServed.Add(result.Concern);
                }

                _recorder.SelfService(result.Customer, contact.Channel, contact.Reason, contact.Text, now, KvpSelfServiceOutcome.Resolved);
                return;

            case InboundOutcome.AddedToConcern when _cases.TryGetValue(result.Concern, out var existing):
                _counters.AddedToExistingConcern++;
                _recorder.CustomerContact(existing.Id, existing.Customer, contact.Channel, contact.Reason, contact.Text, now);
                return;

            default:
                _counters.HandedOff++;
                var concern = new ConcernCase(result.Concern, result.Customer, contact);
                if (!_cases.TryAdd(concern.Id, concern))
                {
                    concern = _cases[concern.Id];
                }
                else
                {
                    // A customer who comes back on a concern that self-service answered now gets a person, so the
                    // concern opens for the metrics only here.
                    _selfServed.Remove(concern.Id);
                    _recorder.Opened(concern, now);
                }

                if (result.SelfService is { } attempt)
                {
                    var matched = attempt.Match is { Candidates.IsDefaultOrEmpty: false };
                    var outcome = matched ? KvpSelfServiceOutcome.HandedOff : KvpSelfServiceOutcome.HandedOffNoMatch;
                    _recorder.SelfService(concern.Customer, contact.Channel, contact.Reason, contact.Text, now, outcome);
                }

                _recorder.CustomerContact(concern.Id, concern.Customer, contact.Channel, contact.Reason, contact.Text, now);
                return;
        }
    }

    private async Task ReceiveInformationAsync(CareDesk desk, ConcernCase concern, CancellationToken cancellationToken)
    {
        var contact = concern.Contact;
        var text = contact.Customer.Language == "de" ? "Hier sind die gewünschten Angaben." : "Here is the information you asked for.";
        var result = await desk.ReceiveAsync(ToInbound(contact, contact.ExternalId + "-information", text), cancellationToken).ConfigureAwait(false);
        _counters.ContactsReceived++;
        _counters.Count(_counters.ContactsByChannel, contact.Channel);
        _recorder.CustomerContact(concern.Id, concern.Customer, contact.Channel, contact.Reason, text, _clock.Now);
        concern.WaitingForCustomer = false;
        if (result.Concern != concern.Id)
        {
            _counters.Reject("information: threaded into another concern");
        }

        _recorder.Working(concern.Id, _clock.Now);
        if (concern.Agent is { } agent)
        {
            Schedule(NextWorkingInstant(agent, _clock.Now + _behaviour.PickUpDelay()), new Happening.FinishWork(concern, agent));
        }
    }

    private async Task ChangeShiftAsync(CareDesk desk, AgentState agent, bool starts, CancellationToken cancellationToken)
    {
        agent.OnShift = starts;
        _onShift += starts ? 1 : -1;
        if (starts)
        {
            PullDueWorkForward(_clock.Now + Duration.FromSeconds(1));
        }

        await desk.SetPresenceAsync(agent.Id, starts ? Presence.Available : Presence.Offline, cancellationToken).ConfigureAwait(false);
    }

    private async Task AcceptAsync(CareDesk desk, ConcernCase concern, AgentState agent, CancellationToken cancellationToken)
    {
        if (concern.Resolved)
        {
            return;
        }

        var result = await desk.AcceptOfferAsync(concern.Id, agent.Id, Key(concern, "accept"), cancellationToken).ConfigureAwait(false);
        if (!result.IsApplied)
        {
            _counters.Reject($"accept: {result.Status}");
            return;
        }

        _counters.Accepted++;
        concern.Agent = agent;
        Schedule(NextWorkingInstant(agent, _clock.Now + _behaviour.HandleTime(concern.Contact.Channel, agent.Profile.Level)), new Happening.FinishWork(concern, agent));
    }

    private async Task FinishWorkAsync(CareDesk desk, ConcernCase concern, AgentState agent, CancellationToken cancellationToken)
    {
        if (concern.Resolved || concern.WaitingForCustomer || concern.Agent != agent)
        {
            return;
        }

        var now = _clock.Now;
        var level = agent.Profile.Level;
        var workTime = _behaviour.HandleTime(concern.Contact.Channel, level);
        if (level < concern.Contact.Complexity)
        {
            await EscalateAsync(desk, concern, agent, workTime, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!concern.AskedForInformation && _behaviour.AsksForInformation(concern.Contact.Channel))
        {
            var asked = await desk.RequestInformationAsync(concern.Id, agent.Id, "Please send your customer number and a photo of the letter.", Key(concern, "ask"), cancellationToken)
                .ConfigureAwait(false);
            if (asked.IsApplied)
            {
                _counters.InformationRequests++;
                concern.AskedForInformation = true;
                concern.WaitingForCustomer = true;
                _recorder.AgentReply(concern, level, workTime, now);
                _recorder.Pending(concern.Id, now);
                Schedule(now + _behaviour.CustomerAnswerDelay(), new Happening.InformationArrives(concern));
                return;
            }

            _counters.Reject($"request information: {asked.Status}");
        }

        await ReplyAndResolveAsync(desk, concern, agent, workTime, cancellationToken).ConfigureAwait(false);
    }

    private async Task EscalateAsync(CareDesk desk, ConcernCase concern, AgentState agent, Duration workTime, CancellationToken cancellationToken)
    {
        var note = KnowledgeNote(concern);
        var result = await desk.EscalateAsync(concern.Id, agent.Id, note, Key(concern, "escalate"), cancellationToken).ConfigureAwait(false);
        if (!result.IsApplied)
        {
            _counters.Reject($"escalate: {result.Status}");
            return;
        }

        _counters.EscalationsByAgents++;
        concern.Agent = null;
        _recorder.AgentReply(concern, agent.Profile.Level, workTime, _clock.Now);
    }

    private async Task ReplyAndResolveAsync(CareDesk desk, ConcernCase concern, AgentState agent, Duration workTime, CancellationToken cancellationToken)
    {
        var now = _clock.Now;
        var reply = await desk.ReplyAsync(concern.Id, agent.Id, concern.Contact.Channel, null, Key(concern, "reply"), cancellationToken).ConfigureAwait(false);
        if (reply.IsApplied)
        {
            _counters.Replies++;
        }
        else
        {
            _counters.Reject($"reply: {reply.Status}");
        }

        _recorder.AgentReply(concern, agent.Profile.Level, workTime, now);
        // The agent works through the default lifecycle's checklist: the diagnosis is mandatory, the other two advisory.
        var resolution = new Resolution("solved", KnowledgeNote(concern))
        {
            CompletedSteps = ["diagnosis-recorded", "knowledge-checked", "customer-informed"],
        };
        var resolved = await desk.ResolveAsync(concern.Id, agent.Id, resolution, Key(concern, "resolve"), cancellationToken).ConfigureAwait(false);
        if (!resolved.IsApplied)
        {
            _counters.Reject($"resolve: {resolved.Status} {string.Join(", ", resolved.MissingFields.Concat(resolved.OpenMandatorySteps))}".TrimEnd());
            return;
        }

        concern.Resolved = true;
        if (concern.Level > 1)
        {
            Learn(concern);
        }

        await RecordSlaOutcomesAsync(desk, concern, cancellationToken).ConfigureAwait(false);
        Schedule(now + Duration.FromHours(24), new Happening.Close(concern));
    }

    private async Task CloseAsync(CareDesk desk, ConcernCase concern, CancellationToken cancellationToken)
    {
        var agent = concern.Agent ?? _agents.Values.First();
        var result = await desk.CloseAsync(concern.Id, agent.Id, Key(concern, "close"), cancellationToken).ConfigureAwait(false);
        if (result.IsApplied)
        {
            _counters.Closed++;
        }
    }

    private async Task RecordSlaOutcomesAsync(CareDesk desk, ConcernCase concern, CancellationToken cancellationToken)
    {
        foreach (var status in await desk.GetSlaStatusAsync(concern.Id, cancellationToken).ConfigureAwait(false))
        {
            if (status.State is SlaClockState.Met or SlaClockState.Breached && concern.SlaRecorded.Add(status.Target.Kind.ToString()))
            {
                // Recorded now, when the outcome is read: the met or breached instant can lie before later records of
                // the concern, such as a first response met by an earlier reply.
                _recorder.Sla(concern.Id, TargetName(status.Target.Kind), status.State == SlaClockState.Met, _clock.Now);
            }
        }
    }

    private void Learn(ConcernCase concern)
    {
        var seed = KnowledgeSeeds.Learned(_plan.Reasons, concern.Contact.Reason)
            ?? new KnowledgeSeed(concern.Contact.Reason, concern.Contact.Reason.Code.Replace('/', ' '), KnowledgeNote(concern), [concern.Contact.Text]);
        _matcher.Learn(seed);
    }

    private string KnowledgeNote(ConcernCase concern) =>
        KnowledgeSeeds.Learned(_plan.Reasons, concern.Contact.Reason)?.Answer
        ?? $"Worked on {concern.Contact.Reason.Code} at level {concern.Level}; see the concern's history for the steps taken.";

    private static Instant NextWorkingInstant(AgentState agent, Instant at) =>
        agent.Profile.Shift.IsBusinessTime(at) ? at : agent.Profile.Shift.NextBusinessInstant(at);

    private static string Key(ConcernCase concern, string action) =>
        string.Create(CultureInfo.InvariantCulture, $"{concern.Contact.ExternalId}:{action}:{++concern.Actions}");

    private static InboundContact ToInbound(ContactRequest contact, string externalId, string text)
    {
        var customer = contact.Customer;
        var identity = new List<ContactPoint>();
        if (customer.Phone is { } phone && (contact.Channel == Channel.Phone || contact.Channel == Channel.Fax))
        {
            identity.Add(contact.Channel == Channel.Fax ? ContactPoint.Fax(phone) : ContactPoint.Phone(phone));
        }

        if (customer.Email is { } email)
        {
            identity.Add(ContactPoint.Email(email));
        }

        return new InboundContact
        {
            Channel = contact.Channel,
            Kind = contact.Channel == Channel.Phone ? InteractionKind.Call : InteractionKind.Message,
            OccurredAt = contact.ArrivesAt,
            Identity = identity,
            DisplayName = customer.Name,
            ContactReason = contact.Reason,
            BodyText = text,
            Language = customer.Language,
            ExternalId = externalId,
        };
    }

    private static string TargetName(CustomerCare.Sla.Policies.SlaTargetKind kind) => kind.ToString() switch
    {
        "FirstResponse" => "first-response",
        "NextResponse" => "next-response",
        "Resolution" => "resolution",
        var other => other.ToLowerInvariant(),
    };

    private static Guid IdFor(long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = 3;
        bytes[6] = 0x70;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], unchecked((long)0x8000_0000_0000_0000UL) | sequence);
        return new Guid(bytes, bigEndian: true);
    }
}
