using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Threading;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Signals;
using CustomerCare.SelfService;
using CustomerCare.SlaTracking;
using CustomerCare.Sop;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare;

/// <summary>
/// The service desk of a host. It receives contacts on every channel and carries them through identification,
/// recording, threading, self-service, classification, the concern's procedure, SLA clocks and routing. It takes the
/// agents' actions through the procedure and processes due work such as SLA warnings and timers.
/// </summary>
/// <remarks>
/// <para>
/// <c>AddCustomerCare()</c> registers it as a singleton; the host plugs in storage with <c>UseSqlite</c>,
/// <c>UsePostgreSql</c> or <c>UseInMemoryStores</c>, and sets the policies on <see cref="ServiceDeskOptions"/>.
/// </para>
/// <para>
/// Every operation is safe to retry. An inbound contact is idempotent on its channel and external id, and an agent
/// action on its idempotency key: a retried call after a timeout changes nothing twice and returns the state reached
/// the first time. Business outcomes (a hand-off, a rejected action) are results, never exceptions.
/// </para>
/// <para>This type is thread-safe. Operations on one concern are serialized by the procedure runner.</para>
/// </remarks>
public sealed partial class ServiceDesk : IDisposable
{
    private static readonly ContactReason Unclassified = ContactReason.Parse("unclassified");

    private readonly ServiceDeskSettings _settings;
    private readonly IConcernStore _concerns;
    private readonly IInteractionStore _interactions;
    private readonly InteractionRecorder _recorder;
    private readonly SelfServiceEngine? _selfService;
    private readonly ProcedureRunner _runner;
    private readonly IConcernSnapshotStore _snapshots;
    private readonly CompetenceRouter _router;
    private readonly ISlaClockStore _slaClocks;
    private readonly IWorkQueue _workQueue;
    private readonly KnowledgeReview _knowledgeReview;
    private readonly IIdeaStore? _ideas;
    private readonly SignalDetector _signals;
    private readonly IReadOnlyList<IServiceDeskObserver> _observers;
    private readonly IClock _clock;
    private readonly PriorityMatrix _priorityMatrix;
    private readonly ServiceDeskInstruments _instruments;
    private readonly ILogger _logger;
    private readonly ReferenceTokenSigner _signer;
    private readonly string _owner;

    internal ServiceDesk(ServiceDeskParts parts)
    {
        _settings = parts.Settings;
        _concerns = parts.Concerns;
        _interactions = parts.Interactions;
        _signer = new ReferenceTokenSigner(_settings.ReferenceTokenKey);
        var pipeline = ThreadingPipeline.CreateDefault(parts.Interactions, parts.Concerns, _signer, _settings.Interactions);
        _recorder = new InteractionRecorder(parts.Customers, parts.Interactions, parts.Concerns, pipeline, parts.Clock, parts.LoggerFactory?.CreateLogger<InteractionRecorder>());
        _selfService = _settings.KnowledgeMatcher is { } matcher
            ? new SelfServiceEngine(matcher, _settings.SelfServicePolicy, logger: parts.LoggerFactory?.CreateLogger<SelfServiceEngine>())
            : null;
        _snapshots = parts.Snapshots;
        _runner = new ProcedureRunner(_settings.Procedures, parts.Snapshots, parts.Clock, _settings.BusinessCalendar, parts.LoggerFactory?.CreateLogger<ProcedureRunner>());
        _router = new CompetenceRouter(_settings.RoutingPolicy, parts.Agents, parts.RoutingQueue, parts.Clock, _settings.RoutingOptions, parts.LoggerFactory?.CreateLogger("CustomerCare.CompetenceRouting"));
        _slaClocks = parts.SlaClocks;
        _workQueue = parts.WorkQueue;
        _knowledgeReview = new KnowledgeReview(parts.KnowledgeCandidates, parts.Knowledge, parts.Clock, parts.LoggerFactory?.CreateLogger<KnowledgeReview>());
        _ideas = parts.Ideas;
        _signals = new SignalDetector(logger: parts.LoggerFactory?.CreateLogger<SignalDetector>());
        _observers = parts.Observers;
        _clock = parts.Clock;
        _priorityMatrix = parts.PriorityMatrix;
        _instruments = parts.Instruments;
        _logger = parts.Logger;
        _owner = $"service-desk-{Environment.ProcessId}-{Guid.NewGuid():N}";
    }

    /// <summary>Gets the opening hours of each channel that the service desk checked at start.</summary>
    public IReadOnlyDictionary<Channel, IBusinessCalendar> ChannelHours => _settings.ChannelHours;

    /// <summary>Receives an inbound contact with no details beyond the message.</summary>
    /// <param name="contact">The contact as the channel adapter delivers it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Every decision taken for the contact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    /// <exception cref="ArgumentException">No contact point identifies the sender.</exception>
    /// <exception cref="CustomerCareValidationException">A property of the contact is invalid; the errors name each one.</exception>
    public Task<InboundResult> ReceiveAsync(InboundContact contact, CancellationToken cancellationToken = default) =>
        ReceiveAsync(contact, null, cancellationToken);

    /// <summary>
    /// Receives an inbound contact. It identifies the customer, records the interaction, threads it into a concern and
    /// tries self-service. When a person is needed, it classifies the concern, starts its procedure and SLA clocks, and
    /// routes it to a competence level and an agent.
    /// </summary>
    /// <param name="contact">The contact as the channel adapter delivers it.</param>
    /// <param name="details">What the adapter or host knows beyond the message, such as complexity; null for none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Every decision taken for the contact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    /// <exception cref="ArgumentException">No contact point identifies the sender.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The complexity of <paramref name="details"/> is outside 1 to 5.</exception>
    /// <exception cref="CustomerCareValidationException">A property of the contact is invalid; the errors name each one.</exception>
    /// <remarks>
    /// A contact received before (same channel and external id) returns <see cref="InboundOutcome.Duplicate"/> and
    /// changes nothing. When the first call stopped before the hand-off finished, the repeated call finishes it.
    /// A contact that joins a concern a person handles resumes a concern waiting for the customer, reopens a resolved
    /// one, and starts the next-response target.
    /// </remarks>
    public async Task<InboundResult> ReceiveAsync(InboundContact contact, InboundDetails? details, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(contact);
        details ??= InboundDetails.Default;
        Guard.InRange(details.Complexity, 1, 5, "details.Complexity");

        var started = _clock.GetCurrentInstant();
        var recording = await _recorder.RecordInboundAsync(contact, cancellationToken).ConfigureAwait(false);
        var concern = recording.Concern;
        Guard.Invariant(concern is not null);
        var snapshot = await _snapshots.FindAsync(concern.Id, cancellationToken).ConfigureAwait(false);

        InboundResult result;
        if (recording.WasDuplicate && (snapshot is not null || concern.Status != ConcernStatus.Open))
        {
            // Handled the first time: a procedure started, or self-service resolved it.
            result = new InboundResult(InboundOutcome.Duplicate, recording.Customer.Id, recording.Interaction.Id)
            {
                IsDuplicate = true,
                Concern = concern.Id,
                ProcedureState = snapshot?.State,
            };
        }
        else if (snapshot is not null)
        {
            result = await AddToHandledConcernAsync(recording, snapshot, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = await HandleNewConcernAsync(recording, contact, details, cancellationToken).ConfigureAwait(false);
        }

        _instruments.ContactReceived(contact.Channel, result.Outcome, _clock.GetCurrentInstant() - started);
        Log.ContactReceived(_logger, recording.Interaction.Id, contact.Channel.Name, concern.Id, result.Outcome);
        return result;
    }

    /// <summary>Records an interaction of a known customer that is no inbound contact, such as an order or a payment.</summary>
    /// <param name="interaction">The interaction, with its customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored interaction, and whether it was stored before (same channel and external id).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">A property of the interaction is invalid.</exception>
    public ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(interaction);
        return _recorder.RecordAsync(interaction, cancellationToken);
    }

    /// <summary>Stores an agent in the directory and the router's pool, so that routing sees it at once.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="expectedVersion">The version read before, or 0 for a new agent.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored agent with its new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs from <paramref name="expectedVersion"/>.</exception>
    public Task<Agent> SaveAgentAsync(Agent agent, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(agent);
        return _router.SaveAgentAsync(agent, expectedVersion, cancellationToken);
    }

    /// <summary>Sets an agent's presence, such as available after a break; offers go only to available agents.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="presence">The new presence.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored agent.</returns>
    /// <exception cref="EntityNotFoundException">The agent is not in the directory.</exception>
    public Task<Agent> SetPresenceAsync(AgentId agent, Presence presence, CancellationToken cancellationToken = default) =>
        _router.SetPresenceAsync(agent, presence, cancellationToken);

    /// <summary>Returns the current SLA status of every target of a concern.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One status per tracked target, evaluated now; empty when the concern has no SLA clocks.</returns>
    public async Task<IReadOnlyList<Sla.Clocks.SlaClockStatus>> GetSlaStatusAsync(ConcernId concern, CancellationToken cancellationToken = default)
    {
        var record = await _slaClocks.FindAsync(concern, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return [];
        }

        var now = _clock.GetCurrentInstant();
        return [.. BuildClocks(record).Select(c => c.Evaluate(now))];
    }

    /// <summary>Returns the reachability of the service desk in the week that starts on <paramref name="weekStart"/>.</summary>
    /// <param name="weekStart">The first local date of the week, in the organization's time zone.</param>
    /// <returns>The open time of each channel and every gap in which no channel is open.</returns>
    public ReachabilityReport GetReachability(LocalDate weekStart) =>
        ChannelReachability.Analyze(_settings.ChannelHours, _settings.Zone, weekStart);

    /// <summary>Releases the router and the reference token signer.</summary>
    public void Dispose()
    {
        _router.Dispose();
        _signer.Dispose();
    }

    private async Task<InboundResult> HandleNewConcernAsync(RecordingResult recording, InboundContact contact, InboundDetails details, CancellationToken cancellationToken)
    {
        var concern = recording.Concern!;
        var now = _clock.GetCurrentInstant();
        var opened = !recording.WasDuplicate && recording.Threading.Action is ThreadingAction.New or ThreadingAction.FollowUp or ThreadingAction.NewTopic;
        if (opened)
        {
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.ConcernOpened, now, concern.Id) { Customer = recording.Customer.Id }, cancellationToken).ConfigureAwait(false);
        }

        var selfService = RunSelfService(recording, contact, details, now);
        if (selfService is { Kind: SelfServiceOutcomeKind.Answered or SelfServiceOutcomeKind.Resolved })
        {
            await UpdateConcernStatusAsync(concern.Id, c => c.Resolve(now), cancellationToken).ConfigureAwait(false);
            _instruments.SelfServiceAnswered(contact.Channel);
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.AnsweredBySelfService, now, concern.Id)
            {
                Customer = recording.Customer.Id,
                Level = CompetenceLevel.SelfService,
                Detail = selfService.Match?.TopIntent?.Code,
            }, cancellationToken).ConfigureAwait(false);

            return new InboundResult(InboundOutcome.AnsweredBySelfService, recording.Customer.Id, recording.Interaction.Id)
            {
                IsDuplicate = recording.WasDuplicate,
                CustomerCreated = recording.CustomerCreated,
                Identity = recording.Identity,
                Concern = concern.Id,
                Threading = recording.Threading,
                SelfService = selfService,
                Level = CompetenceLevel.SelfService,
            };
        }

        var reason = contact.ContactReason ?? selfService?.HandOff?.Intent ?? selfService?.Match?.TopIntent ?? concern.ContactReason ?? Unclassified;
        var handOff = await HandOffAsync(concern, recording.Customer.Id, contact.Channel, reason, contact.Language, details, cancellationToken).ConfigureAwait(false);
        return new InboundResult(handOff.Outcome, recording.Customer.Id, recording.Interaction.Id)
        {
            IsDuplicate = recording.WasDuplicate,
            CustomerCreated = recording.CustomerCreated,
            Identity = recording.Identity,
            Concern = concern.Id,
            Threading = recording.Threading,
            SelfService = selfService,
            Priority = handOff.Priority,
            Level = handOff.Level,
            OfferedTo = handOff.OfferedTo,
            Routing = handOff.Explanation,
            ProcedureState = handOff.State,
        };
    }

    private SelfServiceOutcome? RunSelfService(RecordingResult recording, InboundContact contact, InboundDetails details, Instant now)
    {
        var text = string.IsNullOrWhiteSpace(contact.BodyText) ? contact.Subject : contact.BodyText;
        if (_selfService is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var conversation = SelfServiceConversation.Start(SelfServiceConversationId.New(now), recording.Customer.Id, contact.Channel, now);

        // The customer came back on a concern that self-service answered: the answer did not help, so a person takes it.
        if (recording.Threading.Action == ThreadingAction.Reopen)
        {
            return _selfService.HandOff(conversation, HandOffReason.AnswerRejected, now);
        }

        return _selfService.Ask(conversation, new SelfServiceRequest(text, now)
        {
            AsksForPerson = details.AsksForPerson,
            Amount = details.Amount,
        });
    }

    private async Task UpdateConcernStatusAsync(ConcernId id, Func<Concern, ConcernStatusChange> change, CancellationToken cancellationToken)
    {
        // The customer-facing status follows the procedure. A concurrent writer (another contact threading into the
        // concern) makes the update conflict; read again and apply the change to the new version.
        for (var attempt = 1; ; attempt++)
        {
            var concern = await _concerns.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (concern is null)
            {
                return;
            }

            var changed = change(concern);
            if (!changed.Succeeded)
            {
                return;
            }

            try
            {
                await _concerns.UpdateAsync(changed.Concern, concern.Version, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                Log.ConcernUpdateRetried(_logger, id, attempt);
            }
        }
    }

    private const int MaxConflictRetries = 5;
}
