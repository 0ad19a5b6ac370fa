using System.Globalization;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.SelfService;
using CustomerCare.Sop;

namespace CustomerCare;

/// <content>The agents' actions, each through the concern's procedure.</content>
public sealed partial class ServiceDesk
{
    /// <summary>Accepts the offer of a concern and starts working on it.</summary>
    /// <param name="concern">The concern offered to the agent.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied when the agent holds the concern now; rejected when it is not offered to them.</returns>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    public async Task<AgentActionResult> AcceptOfferAsync(ConcernId concern, AgentId agent, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        var snapshot = await RequireSnapshotAsync(concern, cancellationToken).ConfigureAwait(false);
        if (await _snapshots.FindByIdempotencyKeyAsync(concern, idempotencyKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new AgentActionResult(AgentAction.AcceptOffer, concern, AgentActionStatus.Duplicate, snapshot.State);
        }

        var accepted = await _router.AcceptAsync(concern, agent, cancellationToken).ConfigureAwait(false);
        if (accepted.Status is not (QueueUpdateStatus.Accepted or QueueUpdateStatus.Unchanged))
        {
            return new AgentActionResult(AgentAction.AcceptOffer, concern, AgentActionStatus.Rejected, snapshot.State)
            {
                Message = $"Concern {concern} is not offered to agent {agent} ({accepted.Status}); the offer may have expired or gone to another agent.",
            };
        }

        // After an escalation the procedure waits in 'assigned' with the previous agent, so the new one is a reassignment.
        var trigger = snapshot.State == LifecycleStates.Assigned ? LifecycleTriggers.Reassign : LifecycleTriggers.Assign;
        var fields = new Dictionary<string, string> { [LifecycleFields.Assignee] = agent.ToString() };
        var result = await FireAsync(concern, trigger, Actor.FromAgent(agent), fields, idempotencyKey, null, false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ProcedureOutcome.Applied)
        {
            result = await FireAsync(concern, LifecycleTriggers.StartWork, Actor.FromAgent(agent), null, idempotencyKey + ":start-work", null, false, cancellationToken).ConfigureAwait(false);
        }

        return ToResult(AgentAction.AcceptOffer, concern, result);
    }

    /// <summary>
    /// Replies to the customer: records the outbound interaction in the timeline, notes the reply in the procedure,
    /// and stops the first-response target and a running next-response target.
    /// </summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The replying agent.</param>
    /// <param name="channel">The channel the reply goes out on.</param>
    /// <param name="contentReference">Where the host keeps the reply's text, such as a message id; null for none.</param>
    /// <param name="idempotencyKey">A key unique to this reply, the same when it is retried; it is also the interaction's external id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, a duplicate of an earlier reply with the same key, or rejected by the procedure.</returns>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern does not exist or has no procedure.</exception>
    public async Task<AgentActionResult> ReplyAsync(
        ConcernId concern, AgentId agent, Channel channel, string? contentReference, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        await RequireSnapshotAsync(concern, cancellationToken).ConfigureAwait(false);
        var record = await _concerns.FindAsync(concern, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Concern", concern.ToString());
        var now = _clock.GetCurrentInstant();

        // Recorded first, because the interaction store makes the reply idempotent on (channel, external id) by itself.
        await _recorder.RecordAsync(new Interaction
        {
            Id = InteractionId.New(now),
            Channel = channel,
            Direction = InteractionDirection.Outbound,
            Kind = InteractionKind.Message,
            OccurredAt = now,
            RecordedAt = now,
            CustomerId = record.CustomerId,
            ConcernId = concern,
            ExternalId = "reply:" + idempotencyKey,
            ContentReference = contentReference,
            Metadata = new Dictionary<string, string> { ["agent"] = agent.ToString() },
        }, cancellationToken).ConfigureAwait(false);

        var result = await FireAsync(concern, LifecycleTriggers.Note, Actor.FromAgent(agent), null, idempotencyKey, "reply", false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ProcedureOutcome.Applied)
        {
            await StopResponsesAsync(concern, now, cancellationToken).ConfigureAwait(false);
        }

        return ToResult(AgentAction.Reply, concern, result);
    }

    /// <summary>Asks the customer for information: the concern waits for the customer and its resolution clock pauses.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="reason">What the customer is asked for, kept in the audit trail.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, a duplicate, or rejected when the concern is not being worked on.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    /// <remarks>The customer's next contact on the concern resumes it and the clock.</remarks>
    public async Task<AgentActionResult> RequestInformationAsync(ConcernId concern, AgentId agent, string reason, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(reason);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        var fields = new Dictionary<string, string> { [LifecycleFields.PendingReason] = reason };
        var result = await FireAsync(concern, LifecycleTriggers.AwaitCustomer, Actor.FromAgent(agent), fields, idempotencyKey, null, false, cancellationToken).ConfigureAwait(false);
        return ToResult(AgentAction.RequestInformation, concern, result);
    }

    /// <summary>
    /// Escalates the concern to the next deeper competence level with the knowledge gained, releases the agent and
    /// routes the concern again.
    /// </summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The agent who holds it.</param>
    /// <param name="knowledgeGained">What the agent learned, handed to the deeper level and, once resolved, to the knowledge base.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied with the new level and the offer, a duplicate, or rejected by the procedure.</returns>
    /// <exception cref="ArgumentException"><paramref name="knowledgeGained"/> or <paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    public async Task<AgentActionResult> EscalateAsync(ConcernId concern, AgentId agent, string knowledgeGained, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(knowledgeGained);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        var snapshot = await RequireSnapshotAsync(concern, cancellationToken).ConfigureAwait(false);
        var level = CurrentLevel(snapshot) + 1;
        var fields = new Dictionary<string, string>
        {
            [LifecycleFields.CompetenceLevel] = level.ToString(CultureInfo.InvariantCulture),
            [LifecycleFields.KnowledgeGained] = knowledgeGained,
        };

        var result = await FireAsync(concern, LifecycleTriggers.Escalate, Actor.FromAgent(agent), fields, idempotencyKey, null, false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != ProcedureOutcome.Applied)
        {
            return ToResult(AgentAction.Escalate, concern, result);
        }

        // NOTE: the procedure write and the routing write are two steps. A crash between them leaves the concern
        // escalated in the procedure but not in the queue, and a retry with the same key returns Duplicate without
        // routing it; CompetenceRouter.ReconcileAsync does not repair this.
        var escalated = await _router.EscalateAsync(concern, EscalationRequest.ByAgent(agent, knowledgeGained), cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var toLevel = escalated.Escalation?.ToLevel;
        _instruments.ConcernEscalated(toLevel, EscalationReason.AgentRequest.ToString());
        await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Escalated, now, concern)
        {
            Agent = agent,
            Level = toLevel,
            Detail = EscalationReason.AgentRequest.ToString(),
        }, cancellationToken).ConfigureAwait(false);

        var pass = _settings.RouteOnReceive ? await RouteAndPublishAsync(null, cancellationToken).ConfigureAwait(false) : null;
        var decision = pass?.Decisions.LastOrDefault(d => d.Entry.ConcernId == concern);
        return new AgentActionResult(AgentAction.Escalate, concern, AgentActionStatus.Applied, result.Snapshot.State)
        {
            Level = toLevel,
            OfferedTo = decision?.Agent,
            Routing = decision?.Explanation ?? await _router.ExplainAsync(concern, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Resolves the concern: completes the given checklist steps, checks the required fields and steps, releases the
    /// agent, and proposes what a deeper level learned as a knowledge candidate.
    /// </summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="resolution">The resolution code and note, the completed steps, and whether advisory steps are overridden.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, a duplicate, or rejected with the missing fields and open steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resolution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    public async Task<AgentActionResult> ResolveAsync(ConcernId concern, AgentId agent, Resolution resolution, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(resolution);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        foreach (var step in resolution.CompletedSteps)
        {
            await _runner.CompleteStepAsync(concern, step, Actor.FromAgent(agent), cancellationToken).ConfigureAwait(false);
        }

        var fields = new Dictionary<string, string>
        {
            [LifecycleFields.ResolutionCode] = resolution.Code,
            [LifecycleFields.ResolutionNote] = resolution.Note,
        };
        var result = await FireAsync(concern, LifecycleTriggers.Resolve, Actor.FromAgent(agent), fields, idempotencyKey, null, resolution.OverrideAdvisorySteps, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != ProcedureOutcome.Applied)
        {
            return ToResult(AgentAction.Resolve, concern, result);
        }

        var now = _clock.GetCurrentInstant();
        await _router.CompleteAsync(concern, cancellationToken).ConfigureAwait(false);
        await UpdateConcernStatusAsync(concern, c => c.Resolve(now), cancellationToken).ConfigureAwait(false);
        var level = LevelByRank(CurrentLevel(result.Snapshot));
        _instruments.ConcernResolved(level, now - result.Snapshot.CreatedAt);
        await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Resolved, now, concern) { Agent = agent, Level = level }, cancellationToken).ConfigureAwait(false);
        await ProposeKnowledgeAsync(concern, result.Snapshot, resolution, level, now, cancellationToken).ConfigureAwait(false);
        return ToResult(AgentAction.Resolve, concern, result);
    }

    /// <summary>Closes a resolved concern, confirmed by the customer.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The agent who records the confirmation.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, a duplicate, or rejected when the concern is not resolved.</returns>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    public async Task<AgentActionResult> CloseAsync(ConcernId concern, AgentId agent, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        var result = await FireAsync(concern, LifecycleTriggers.Confirm, Actor.FromAgent(agent), null, idempotencyKey, null, false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ProcedureOutcome.Applied)
        {
            await OnClosedAsync(concern, agent, cancellationToken).ConfigureAwait(false);
        }

        return ToResult(AgentAction.Close, concern, result);
    }

    /// <summary>Opens a resolved concern again; the resolution clock continues with the time it had used.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="reason">Why the concern reopens, kept in the audit trail.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, a duplicate, or rejected, such as after the reopen window.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    public async Task<AgentActionResult> ReopenAsync(ConcernId concern, AgentId agent, string reason, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(reason);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        var result = await FireAsync(concern, LifecycleTriggers.Reopen, Actor.FromAgent(agent), null, idempotencyKey, reason, false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ProcedureOutcome.Applied)
        {
            var now = _clock.GetCurrentInstant();
            await UpdateConcernStatusAsync(concern, c => c.Reopen(now), cancellationToken).ConfigureAwait(false);
            _instruments.ConcernReopened();
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Reopened, now, concern) { Agent = agent }, cancellationToken).ConfigureAwait(false);
        }

        return ToResult(AgentAction.Reopen, concern, result);
    }

    /// <summary>Cancels a concern that needs no resolution, stops its clocks and releases the agent.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="reason">Why the concern is cancelled.</param>
    /// <param name="idempotencyKey">A key unique to this request, the same when it is retried.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, a duplicate, or rejected when the concern is resolved or closed already.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="idempotencyKey"/> is null or white space.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure.</exception>
    public async Task<AgentActionResult> CancelAsync(ConcernId concern, AgentId agent, string reason, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(reason);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        var fields = new Dictionary<string, string> { [LifecycleFields.CancelReason] = reason };
        var result = await FireAsync(concern, LifecycleTriggers.Cancel, Actor.FromAgent(agent), fields, idempotencyKey, reason, false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ProcedureOutcome.Applied)
        {
            var now = _clock.GetCurrentInstant();
            await _router.CompleteAsync(concern, cancellationToken).ConfigureAwait(false);
            await UpdateConcernStatusAsync(concern, c => c.Close(now), cancellationToken).ConfigureAwait(false);
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Cancelled, now, concern) { Agent = agent }, cancellationToken).ConfigureAwait(false);
        }

        return ToResult(AgentAction.Cancel, concern, result);
    }

    private async Task OnClosedAsync(ConcernId concern, AgentId? agent, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        await UpdateConcernStatusAsync(concern, c => c.Close(now), cancellationToken).ConfigureAwait(false);
        await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.Closed, now, concern) { Agent = agent }, cancellationToken).ConfigureAwait(false);
    }

    private async Task ProposeKnowledgeAsync(ConcernId concern, ConcernSnapshot snapshot, Resolution resolution, CompetenceLevel level, NodaTime.Instant now, CancellationToken cancellationToken)
    {
        if (level.Rank < KnowledgeReview.MinimumLevel.Rank)
        {
            return;
        }

        var record = await _concerns.FindAsync(concern, cancellationToken).ConfigureAwait(false);
        snapshot.Fields.TryGetValue(LifecycleFields.KnowledgeGained, out var knowledge);
        var question = record?.Subject ?? knowledge;
        if (string.IsNullOrWhiteSpace(question))
        {
            return;
        }

        var answer = knowledge is null ? resolution.Note : $"{resolution.Note}\n\n{knowledge}";
        var candidate = await _knowledgeReview.ProposeAsync(
            new ResolvedConcern(concern, question, answer, record?.ContactReason ?? Unclassified, level, now), cancellationToken).ConfigureAwait(false);
        if (candidate is not null)
        {
            await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.KnowledgeProposed, now, concern) { Level = level, Detail = candidate.Id.ToString() }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ProcedureResult> FireAsync(
        ConcernId concern, string trigger, Actor actor, Dictionary<string, string>? fields, string idempotencyKey, string? reason, bool overrideAdvisorySteps, CancellationToken cancellationToken)
    {
        var result = await _runner.FireAsync(concern, new TriggerRequest(trigger, actor)
        {
            Fields = fields ?? [],
            IdempotencyKey = idempotencyKey,
            Reason = reason,
            OverrideAdvisorySteps = overrideAdvisorySteps,
        }, cancellationToken).ConfigureAwait(false);
        await ApplySlaIntentsAsync(concern, result, null, null, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<ConcernSnapshot> RequireSnapshotAsync(ConcernId concern, CancellationToken cancellationToken) =>
        await _snapshots.FindAsync(concern, cancellationToken).ConfigureAwait(false)
        ?? throw new EntityNotFoundException("Concern procedure", concern.ToString());

    private CompetenceLevel LevelByRank(int rank) =>
        _settings.RoutingPolicy.Levels.FirstOrDefault(l => l.Rank == rank) is { Name: not null } known ? known : new CompetenceLevel(rank, $"Level {rank}");

    /// <summary>The competence level the procedure records, 1 before any escalation.</summary>
    private static int CurrentLevel(ConcernSnapshot snapshot) =>
        snapshot.Fields.TryGetValue(LifecycleFields.CompetenceLevel, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? level
            : 1;

    private static AgentActionResult ToResult(AgentAction action, ConcernId concern, ProcedureResult result)
    {
        var status = result.Outcome switch
        {
            ProcedureOutcome.Applied => AgentActionStatus.Applied,
            ProcedureOutcome.Duplicate => AgentActionStatus.Duplicate,
            _ => AgentActionStatus.Rejected,
        };

        return new AgentActionResult(action, concern, status, result.Snapshot.State)
        {
            Reasons = result.Reasons,
            MissingFields = result.MissingFields,
            OpenMandatorySteps = result.OpenMandatorySteps,
            OpenAdvisorySteps = result.OpenAdvisorySteps,
            UnmetGuards = result.UnmetGuards,
            Message = status == AgentActionStatus.Rejected
                ? $"The procedure rejected '{action}' in state '{result.Snapshot.State}' ({result.Reasons})."
                : null,
        };
    }
}
