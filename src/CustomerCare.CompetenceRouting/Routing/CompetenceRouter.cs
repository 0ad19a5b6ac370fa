using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Engine;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// Routes concerns through the agent directory and the routing queue: enqueues, offers, accepts, rejects, expires,
/// escalates, reclassifies and completes, with every decision explained.
/// </summary>
/// <remarks>
/// <para>
/// The router owns a <see cref="RoutingEngine"/> whose agent pool it fills from the directory on first use and keeps
/// in step with every write it makes. Call <see cref="EnqueueAsync"/> when a concern needs a person,
/// <see cref="RouteAsync"/> after enqueues, after agents become available and periodically (every few seconds) so
/// that offer expiries, step timeouts, SLA risk and overflow rules are applied.
/// </para>
/// <para>
/// Every offer is backed by two atomic writes: a capacity claim at the directory, which checks presence, capacity and
/// the step's requirement again at that moment, and a version-checked write of the queue entry. The claim comes
/// first and is released again when the queue write loses a race. So an agent may briefly hold capacity for a concern
/// it was not offered, but a concern is never offered twice and no agent exceeds capacity. Returning a concern to the
/// queue writes the entry first and releases capacity after. <see cref="ReconcileAsync"/> repairs what a crash
/// between two writes leaves behind.
/// </para>
/// <para>
/// The router is thread-safe: its operations run one at a time. Several router instances may share the stores; each
/// keeps its own pool, and a claim that the directory refuses because another instance changed the agent refreshes
/// that agent and tries the next one.
/// </para>
/// </remarks>
public sealed partial class CompetenceRouter : IDisposable
{
    private const int MaxWriteAttempts = 5;

    private readonly RoutingEngine _engine;
    private readonly IAgentDirectory _directory;
    private readonly IRoutingQueueStore _queue;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _agentsLoaded;

    /// <summary>Initializes a new router.</summary>
    /// <param name="policy">The routing policy.</param>
    /// <param name="directory">The agent directory.</param>
    /// <param name="queue">The routing queue.</param>
    /// <param name="clock">The clock that gives the current instant.</param>
    /// <param name="options">Technical settings, or <see langword="null"/> for <see cref="RoutingOptions.Default"/>.</param>
    /// <param name="logger">The logger, usually of category <c>CustomerCare.CompetenceRouting</c>, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/>, <paramref name="directory"/>, <paramref name="queue"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">The policy is invalid; the exception lists every problem.</exception>
    public CompetenceRouter(
        RoutingPolicy policy,
        IAgentDirectory directory,
        IRoutingQueueStore queue,
        IClock clock,
        RoutingOptions? options = null,
        ILogger? logger = null)
    {
        Guard.NotNull(policy);
        _directory = Guard.NotNull(directory);
        _queue = Guard.NotNull(queue);
        _clock = Guard.NotNull(clock);
        _engine = new RoutingEngine(policy, options);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the routing policy.</summary>
    public RoutingPolicy Policy => _engine.Policy;

    /// <summary>Releases the router's lock. The stores are not disposed: they belong to the caller.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>Loads every agent from the directory into the router's pool, replacing what it held.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of agents loaded.</returns>
    /// <remarks>The router loads the agents on first use by itself; call this after agents were changed behind its back.</remarks>
    public async Task<int> LoadAgentsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadAgentsCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Classifies a concern and adds it to the routing queue; enqueuing a concern that is queued already changes nothing.</summary>
    /// <param name="concern">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored entry, whether it was added now, and the overflow rules that fired.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    /// <remarks>The concern is not offered yet: call <see cref="RouteAsync"/>.</remarks>
    public async Task<EnqueueResult> EnqueueAsync(RoutableConcern concern, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(concern);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await _queue.FindAsync(concern.Id, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new EnqueueResult(existing, false, [], []);
            }

            var now = _clock.GetCurrentInstant();
            var log = new ChangeLog();
            var entry = _engine.CreateEntry(concern);
            var waitingOnLadder = await _queue.CountAsync(QueueEntryStatus.Waiting, entry.Ladder, cancellationToken).ConfigureAwait(false);
            entry = _engine.Walker.ApplyQueueLengthOverflow(entry, waitingOnLadder, now, log);
            entry = _engine.Walker.ApplyTimers(entry, now, log);

            QueueEntry stored;
            try
            {
                stored = await _queue.SaveAsync(entry, 0, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // Another operation enqueued the same concern first; enqueuing is idempotent.
                var winner = await _queue.FindAsync(concern.Id, cancellationToken).ConfigureAwait(false);
                return new EnqueueResult(winner ?? entry, false, [], []);
            }

            Log.ConcernEnqueued(_logger, stored.ConcernId, stored.Classification.Rule, stored.Ladder, stored.StepIndex + 1);
            Report(stored.ConcernId, log);
            return new EnqueueResult(stored, true, log.AppliedOverflowRulesView, log.EscalationsView);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs one routing pass: expires unanswered offers, applies step timeouts, SLA risk and overflow rules, and offers
    /// waiting concerns to agents in queue order.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Every decision with its explanation, and the expiries, escalations, exhausted ladders and overflow of the pass.</returns>
    public async Task<RoutingPassResult> RouteAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            var pass = new PassLog();

            // NOTE: Each pass reads the whole queue, because aging reorders waiting concerns as time passes. Stores that
            // hold hundreds of thousands of entries make every pass read them all.
            var waiting = new List<(QueueEntry Entry, ChangeLog Log)>();
            var storedWaiting = new List<QueueEntry>();
            foreach (var stored in await LoadEntriesAsync(null, cancellationToken).ConfigureAwait(false))
            {
                var entry = stored;
                if (entry is { Status: QueueEntryStatus.Offered, Offer: { } offer } && offer.ExpiresAt <= now)
                {
                    var expired = await ExpireAsync(entry, now, setAway: Policy.AwayAfterMissedOffer, cancellationToken).ConfigureAwait(false);
                    if (expired is null)
                    {
                        pass.Conflicts++;
                        continue;
                    }

                    pass.ExpiredOffers.Add(expired.Value.Expired);
                    entry = expired.Value.Entry;
                }

                if (entry.Status == QueueEntryStatus.Waiting)
                {
                    var log = new ChangeLog();
                    waiting.Add((_engine.Walker.ApplyTimers(entry, now, log), log));
                    storedWaiting.Add(entry);
                }
            }

            var decisions = new List<RoutingDecision>(waiting.Count);
            foreach (var index in _engine.OrderForRouting(waiting, now))
            {
                var (entry, log) = waiting[index];
                var (decision, persisted) = await RouteOneAsync(storedWaiting[index], entry, log, now, pass, cancellationToken).ConfigureAwait(false);
                decisions.Add(decision);
                if (persisted)
                {
                    pass.Add(entry.ConcernId, log);
                    Report(entry.ConcernId, log);
                }
            }

            var result = new RoutingPassResult(decisions, pass.ExpiredOffers, pass.Escalations, pass.Exhausted, pass.Overflow, pass.Conflicts);
            Log.RoutingPassCompleted(_logger, waiting.Count, result.Offers.Count, pass.ExpiredOffers.Count, pass.Conflicts);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Explains who would take a waiting concern now and why, without offering it or changing anything.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The explanation, or <see langword="null"/> when the concern is not queued or not waiting.</returns>
    public async Task<RoutingExplanation?> ExplainAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureAgentsLoadedAsync(cancellationToken).ConfigureAwait(false);
            var entry = await _queue.FindAsync(concernId, cancellationToken).ConfigureAwait(false);
            return entry is { Status: QueueEntryStatus.Waiting } ? _engine.Decide(entry, _clock.GetCurrentInstant()).Explanation : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Decides, claims and stores one concern, and returns whether the queue now stores the entry as decided.</summary>
    private async Task<(RoutingDecision Decision, bool Persisted)> RouteOneAsync(
        QueueEntry original,
        QueueEntry entry,
        ChangeLog log,
        Instant now,
        PassLog pass,
        CancellationToken cancellationToken)
    {
        RoutingDecision decision = null!;
        for (var attempt = 0; attempt < _engine.Options.MaxClaimAttempts; attempt++)
        {
            decision = _engine.DecideCore(entry, now, log, book: false);
            entry = decision.Entry;
            if (decision.Agent is not { } agent)
            {
                break;
            }

            var claim = await _directory.ClaimCapacityAsync(
                new CapacityClaim { Agent = agent, Concern = entry.ConcernId, Requirement = _engine.RequirementOf(entry, now), At = now },
                cancellationToken).ConfigureAwait(false);
            Refresh(agent, claim.Agent);
            if (!claim.Succeeded)
            {
                Log.ClaimRefused(_logger, agent, entry.ConcernId, claim.Status, claim.Check.Reason);
                pass.Conflicts++;
                continue;
            }

            var offered = _engine.MakeOffer(entry, _engine.Walker.LadderOf(entry), agent, now);
            try
            {
                var stored = await _queue.SaveAsync(offered, original.Version, cancellationToken).ConfigureAwait(false);
                var level = _engine.Walker.LadderOf(stored).Steps[stored.StepIndex].Level.Rank;
                Log.OfferMade(_logger, stored.ConcernId, agent, stored.Ladder, stored.StepIndex + 1, level);
                return (WithEntry(decision, stored), true);
            }
            catch (ConcurrencyConflictException)
            {
                Log.QueueWriteConflict(_logger, entry.ConcernId);
                pass.Conflicts++;
                Refresh(agent, await _directory.ReleaseCapacityAsync(agent, entry.ConcernId, now, cancellationToken).ConfigureAwait(false));
                return (WithEntry(decision, original), false);
            }
        }

        if (entry == original)
        {
            return (decision, true);
        }

        try
        {
            return (WithEntry(decision, await _queue.SaveAsync(entry, original.Version, cancellationToken).ConfigureAwait(false)), true);
        }
        catch (ConcurrencyConflictException)
        {
            Log.QueueWriteConflict(_logger, entry.ConcernId);
            pass.Conflicts++;
            return (WithEntry(decision, original), false);
        }
    }

    private async Task<(QueueEntry Entry, ExpiredOffer Expired)?> ExpireAsync(QueueEntry entry, Instant now, bool setAway, CancellationToken cancellationToken)
    {
        QueueEntry stored;
        try
        {
            stored = await _queue.SaveAsync(LadderWalker.ReturnToQueue(entry), entry.Version, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            Log.QueueWriteConflict(_logger, entry.ConcernId);
            return null;
        }

        return (stored, await ReleaseAfterExpiryAsync(entry, now, setAway, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Releases the capacity of an expired offer whose entry is back in the queue, and sets the agent away if asked.</summary>
    private async Task<ExpiredOffer> ReleaseAfterExpiryAsync(QueueEntry entry, Instant now, bool setAway, CancellationToken cancellationToken)
    {
        var offer = entry.Offer!.Value;
        var agent = await _directory.ReleaseCapacityAsync(offer.Agent, entry.ConcernId, now, cancellationToken).ConfigureAwait(false);
        var away = false;
        if (setAway && agent is { Presence: Presence.Available })
        {
            try
            {
                agent = await _directory.SaveAsync(agent.WithPresence(Presence.Away, now), agent.Version, cancellationToken).ConfigureAwait(false);
                away = true;
                Log.AgentSetAway(_logger, offer.Agent, entry.ConcernId);
            }
            catch (ConcurrencyConflictException)
            {
                // The agent changed in the meantime, for example by setting its own presence, which wins.
                agent = await _directory.FindAsync(offer.Agent, cancellationToken).ConfigureAwait(false);
            }
        }

        Refresh(offer.Agent, agent);
        Log.OfferExpired(_logger, entry.ConcernId, offer.Agent);
        return new ExpiredOffer(entry.ConcernId, offer.Agent, offer.ExpiresAt, away);
    }

    private async Task<int> LoadAgentsCoreAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<AgentId>();
        AgentId? after = null;
        do
        {
            var page = await _directory.ListAsync(after, _engine.Options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var agent in page.Agents)
            {
                _engine.UpsertAgent(agent);
                seen.Add(agent.Id);
            }

            after = page.Next;
        }
        while (after is not null);

        foreach (var stale in _engine.Agents.Select(a => a.Id).Where(id => !seen.Contains(id)).ToArray())
        {
            _engine.RemoveAgent(stale);
        }

        _agentsLoaded = true;
        Log.AgentsLoaded(_logger, seen.Count);
        return seen.Count;
    }

    private async Task EnsureAgentsLoadedAsync(CancellationToken cancellationToken)
    {
        if (!_agentsLoaded)
        {
            await LoadAgentsCoreAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<QueueEntry>> LoadEntriesAsync(QueueEntryStatus? status, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>();
        ConcernId? after = null;
        do
        {
            var page = await _queue.ListAsync(new QueueQuery { Status = status, After = after, Limit = _engine.Options.PageSize }, cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Entries);
            after = page.Next;
        }
        while (after is not null);

        return entries;
    }

    private void Refresh(AgentId agentId, Agent? stored)
    {
        if (stored is null)
        {
            _engine.RemoveAgent(agentId);
        }
        else
        {
            _engine.UpsertAgent(stored);
        }
    }

    private void Report(ConcernId concernId, ChangeLog log)
    {
        foreach (var change in log.StepChangesView)
        {
            Log.StepChanged(_logger, concernId, change.FromLadder, change.FromStep + 1, change.ToLadder, change.ToStep + 1, change.Reason);
        }

        foreach (var escalation in log.EscalationsView)
        {
            Log.Escalated(_logger, concernId, escalation.Kind, escalation.Reason, escalation.FromLevel.Rank, escalation.ToLevel?.Rank);
        }

        foreach (var rule in log.AppliedOverflowRulesView)
        {
            Log.OverflowApplied(_logger, rule, concernId);
        }

        if (log.BecameExhausted && log.StepChangesView.Count > 0)
        {
            Log.LadderExhausted(_logger, concernId, log.StepChangesView[^1].FromLadder);
        }
    }

    private static RoutingDecision WithEntry(RoutingDecision decision, QueueEntry entry) => new()
    {
        Entry = entry,
        Explanation = decision.Explanation,
        Escalations = decision.Escalations,
        AppliedOverflowRules = decision.AppliedOverflowRules,
        BecameExhausted = decision.BecameExhausted,
    };

    /// <summary>Collects the events of one routing pass.</summary>
    private sealed class PassLog
    {
        public List<ExpiredOffer> ExpiredOffers { get; } = [];

        public List<EscalationRecord> Escalations { get; } = [];

        public List<ConcernId> Exhausted { get; } = [];

        public List<OverflowApplication> Overflow { get; } = [];

        public int Conflicts { get; set; }

        public void Add(ConcernId concernId, ChangeLog log)
        {
            Escalations.AddRange(log.EscalationsView);
            Overflow.AddRange(log.AppliedOverflowRulesView.Select(rule => new OverflowApplication(concernId, rule)));
            if (log.BecameExhausted)
            {
                Exhausted.Add(concernId);
            }
        }
    }
}
