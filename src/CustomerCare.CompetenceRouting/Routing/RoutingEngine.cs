using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Engine;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// Routes concerns to agents in memory: classifies concerns, walks their ladders and chooses agents from an index of
/// the agent pool, with an explanation for every decision. It does no I/O.
/// </summary>
/// <remarks>
/// <para>
/// The engine keeps its own copy of the agents, indexed by level, skill and presence, so that choosing among
/// thousands of agents examines only the available agents at the step's level who have its rarest skill.
/// <see cref="TrySelectAgent"/> allocates nothing once the engine has seen the concern's skills and language.
/// <see cref="CompetenceRouter"/> keeps the copy in step with the agent directory; a host that routes without stores
/// feeds it with <see cref="UpsertAgent"/>.
/// </para>
/// <para>
/// Queue order is effective priority first, then age (oldest first), then concern identifier. The effective priority
/// is the entry's priority raised by one level per <see cref="RoutingPolicy.AgingInterval"/> waited, so old
/// low-priority concerns are served even while urgent ones keep arriving.
/// </para>
/// <para>
/// The engine is not thread-safe: call it from one thread at a time. <see cref="CompetenceRouter"/> serializes its
/// own calls.
/// </para>
/// </remarks>
public sealed class RoutingEngine
{
    private readonly AgentIndex _index = new();
    private readonly LadderWalker _walker;
    private readonly ExplanationRecorder _recorder;
    private readonly Dictionary<(int Rule, int Ladder, int Step), StepRequirement> _requirements = [];
    private readonly Dictionary<(string Ladder, int Step), AgentId> _roundRobin = [];
    private readonly NoWinnerCache _noWinnerCache = new();

    /// <summary>Initializes a new engine with a policy and no agents.</summary>
    /// <param name="policy">The routing policy.</param>
    /// <param name="options">Technical settings, or <see langword="null"/> for <see cref="RoutingOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">The policy is invalid; the exception lists every problem.</exception>
    public RoutingEngine(RoutingPolicy policy, RoutingOptions? options = null)
    {
        Guard.NotNull(policy).EnsureValid();

        Policy = policy;
        Options = options ?? RoutingOptions.Default;
        _walker = new LadderWalker(policy);
        _recorder = new ExplanationRecorder(Options.MaxListedExclusions);
    }

    /// <summary>Gets the routing policy.</summary>
    public RoutingPolicy Policy { get; }

    /// <summary>Gets the technical settings.</summary>
    public RoutingOptions Options { get; }

    /// <summary>Gets the number of agents in the pool.</summary>
    public int AgentCount => _index.Count;

    /// <summary>Gets the engine's copies of the agents in the pool, including capacity it booked itself.</summary>
    public IEnumerable<Agent> Agents => _index.Agents;

    /// <summary>Adds an agent to the pool, or replaces the engine's copy of it.</summary>
    /// <param name="agent">The agent as stored in the directory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    public void UpsertAgent(Agent agent) => _index.Upsert(Guard.NotNull(agent));

    /// <summary>Removes an agent from the pool.</summary>
    /// <param name="agentId">The agent.</param>
    /// <returns><see langword="true"/> when the agent was in the pool.</returns>
    public bool RemoveAgent(AgentId agentId) => _index.Remove(agentId);

    /// <summary>Returns the engine's copy of an agent.</summary>
    /// <param name="agentId">The agent.</param>
    /// <returns>The agent, or <see langword="null"/> when it is not in the pool.</returns>
    public Agent? FindAgent(AgentId agentId) => _index.Find(agentId);

    /// <summary>Classifies a concern with the policy's rules.</summary>
    /// <param name="concern">The concern.</param>
    /// <returns>The matching rule's choice of entry level, skills, ladder and priority.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    public ConcernClassification Classify(RoutableConcern concern) => Policy.Classify(concern);

    /// <summary>Creates the queue entry of a new concern: classified, at its entry step, waiting.</summary>
    /// <param name="concern">The concern.</param>
    /// <returns>The entry, not yet stored (version 0). Step timeouts count from <see cref="RoutableConcern.EnqueuedAt"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    public QueueEntry CreateEntry(RoutableConcern concern) => _walker.CreateEntry(Guard.NotNull(concern));

    /// <summary>Returns an entry's priority after aging: one level more urgent per aging interval waited, never beyond P1.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The priority that orders the queue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public Priority EffectivePriority(QueueEntry entry, Instant now)
    {
        Guard.NotNull(entry);
        return new Priority(EffectiveLevel(entry, now));
    }

    /// <summary>Compares two entries in queue order: effective priority, then age, then concern identifier.</summary>
    /// <param name="x">The first entry.</param>
    /// <param name="y">The second entry.</param>
    /// <param name="now">The current instant, for aging.</param>
    /// <returns>A negative number when <paramref name="x"/> is served first, positive when <paramref name="y"/> is, 0 for the same concern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    public int CompareQueueOrder(QueueEntry x, QueueEntry y, Instant now)
    {
        Guard.NotNull(x);
        Guard.NotNull(y);

        var byPriority = EffectiveLevel(x, now).CompareTo(EffectiveLevel(y, now));
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byAge = x.Concern.EnqueuedAt.CompareTo(y.Concern.EnqueuedAt);
        return byAge != 0 ? byAge : x.ConcernId.CompareTo(y.ConcernId);
    }

    /// <summary>
    /// Decides who should take a waiting concern now, without booking the agent: applies due step timeouts, SLA risk
    /// and overflow rules, drops or skips steps as the ladder's steps require, and chooses an agent.
    /// </summary>
    /// <param name="entry">The entry; it must be waiting.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The decision with the changed entry and the explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="entry"/> is offered or assigned.</exception>
    public RoutingDecision Decide(QueueEntry entry, Instant now)
    {
        RequireWaiting(entry);
        var log = new ChangeLog();
        return DecideCore(_walker.ApplyTimers(entry, now, log), now, log, book: false);
    }

    /// <summary>
    /// Chooses the agent for a waiting concern at its current step, without applying timers, changing steps or
    /// explaining. Allocates nothing once the engine has seen the concern's skills and language.
    /// </summary>
    /// <param name="entry">The entry; it must be waiting.</param>
    /// <param name="now">The current instant, for idle times.</param>
    /// <param name="agent">The chosen agent, or <c>default</c> when no agent can take the concern.</param>
    /// <returns><see langword="true"/> when an agent was chosen.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="entry"/> is offered or assigned, or its ladder or step is not in the policy.</exception>
    public bool TrySelectAgent(QueueEntry entry, Instant now, out AgentId agent)
    {
        RequireWaiting(entry);
        var ladder = Policy.FindLadder(entry.Ladder);
        if (ladder is null || entry.StepIndex < 0 || entry.StepIndex >= ladder.Steps.Count)
        {
            throw new ArgumentException($"Entry {entry.ConcernId} is on ladder '{entry.Ladder}' step {entry.StepIndex + 1}, which the policy does not have. Call Decide, which classifies it again.", nameof(entry));
        }

        var stats = default(SelectionStats);
        _ = Select(entry, ladder, now, ref stats, null, recountAll: false, explain: false);
        agent = stats.WinnerSlot >= 0 ? _index.IdAt(stats.WinnerSlot) : default;
        return stats.WinnerSlot >= 0;
    }

    /// <summary>
    /// Routes waiting concerns in queue order and books each chosen agent in the engine's pool, so later concerns in
    /// the batch see the capacity taken by earlier ones.
    /// </summary>
    /// <param name="entries">The entries; those that are not waiting are ignored.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>One decision per waiting entry, in queue order; an entry with an agent now carries the offer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null or contains null.</exception>
    /// <remarks>
    /// Timers are applied to every entry first, then the order is taken once for the batch. The bookings stay in the
    /// engine's pool; a host that does not store the offers should rebuild the pool or release the capacity itself.
    /// </remarks>
    public IReadOnlyList<RoutingDecision> RouteWaiting(IEnumerable<QueueEntry> entries, Instant now)
    {
        var waiting = new List<(QueueEntry Entry, ChangeLog Log)>();
        foreach (var entry in Guard.NoNullElements(entries))
        {
            if (entry!.Status == QueueEntryStatus.Waiting)
            {
                var log = new ChangeLog();
                waiting.Add((_walker.ApplyTimers(entry, now, log), log));
            }
        }

        var ordered = OrderForRouting(waiting, now);
        var decisions = new RoutingDecision[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var (entry, log) = waiting[ordered[i]];
            decisions[i] = DecideCore(entry, now, log, book: true);
        }

        return decisions;
    }

    internal LadderWalker Walker => _walker;

    internal int[] OrderForRouting(List<(QueueEntry Entry, ChangeLog Log)> waiting, Instant now)
    {
        var keys = new (int Level, long Enqueued, ConcernId Id, int Index)[waiting.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var entry = waiting[i].Entry;
            keys[i] = (EffectiveLevel(entry, now), entry.Concern.EnqueuedAt.ToUnixTimeTicks(), entry.ConcernId, i);
        }

        Array.Sort(keys, static (a, b) =>
        {
            var byLevel = a.Level.CompareTo(b.Level);
            if (byLevel != 0)
            {
                return byLevel;
            }

            var byAge = a.Enqueued.CompareTo(b.Enqueued);
            return byAge != 0 ? byAge : a.Id.CompareTo(b.Id);
        });

        return Array.ConvertAll(keys, k => k.Index);
    }

    internal RoutingDecision DecideCore(QueueEntry entry, Instant now, ChangeLog log, bool book)
    {
        var stats = default(SelectionStats);
        var recorder = Options.ExplanationDetail == ExplanationDetail.Candidates ? _recorder : null;
        var recountAll = Options.ExplanationDetail == ExplanationDetail.AllAgents;
        EscalationLadder ladder;
        NoWinnerCache.Entry? remembered;
        while (true)
        {
            ladder = _walker.LadderOf(entry);
            var step = ladder.Steps[entry.StepIndex];
            _recorder.Reset();
            remembered = Select(entry, ladder, now, ref stats, recorder, recountAll);
            if (stats.WinnerSlot >= 0 || LeaveReason(step, stats) is not { } leave)
            {
                break;
            }

            var isLastStep = entry.StepIndex == ladder.Steps.Count - 1;
            entry = _walker.LeaveStep(entry, leave, now, log);
            if (isLastStep)
            {
                // No step is left: the concern waits, flagged, at the last step, and the selection above explains why.
                break;
            }
        }

        var explanation = Explain(entry, ladder, now, log, stats, remembered);
        if (book && stats.WinnerSlot >= 0)
        {
            entry = Book(entry, ladder, stats.WinnerSlot, now);
        }

        return new RoutingDecision
        {
            Entry = entry,
            Explanation = explanation,
            Escalations = log.EscalationsView,
            AppliedOverflowRules = log.AppliedOverflowRulesView,
            BecameExhausted = log.BecameExhausted,
        };
    }

    internal AgentRequirement RequirementOf(QueueEntry entry, Instant now)
    {
        var ladder = _walker.LadderOf(entry);
        var step = ladder.Steps[entry.StepIndex];
        var requirement = RequirementFor(entry, ladder, step);

        // The template carries the checked skills, and with copies them without checking them again.
        return requirement.Template with
        {
            Channel = entry.Concern.Channel,
            Language = step.MatchLanguage ? entry.Concern.Language : null,
            PreferredAgent = step.PreferredAgentOnly ? entry.Concern.PreferredAgent : null,
            ExcludedAgents = entry.Rejections.Count == 0
                ? []
                : entry.Rejections.Where(r => r.At + Policy.RejectionCooldown > now).Select(r => r.Agent).ToArray(),
        };
    }

    private static StepChangeReason? LeaveReason(LadderStep step, in SelectionStats stats)
    {
        if (step.PreferredAgentOnly)
        {
            // A busy agent or one at capacity will be free soon, so the concern waits for them until the step times
            // out. A missing, offline or away agent, one who no longer meets the step or who rejected, drops the step.
            var waitsForAgent = stats.Examined > 0 && stats.PreferredIgnoringCapacity is ExclusionReason.None or ExclusionReason.Busy;
            return waitsForAgent ? null : StepChangeReason.PreferredAgentUnavailable;
        }

        return step.SkipIfNoneAvailable && stats.PresentEligible == 0 ? StepChangeReason.NoneAvailable : null;
    }

    /// <summary>Selects for the entry's step; returns the remembered result without a winner that the explanation may share, if any.</summary>
    private NoWinnerCache.Entry? Select(QueueEntry entry, EscalationLadder ladder, Instant now, ref SelectionStats stats, ExplanationRecorder? recorder, bool recountAll, bool explain = true)
    {
        var step = ladder.Steps[entry.StepIndex];
        var requirement = RequirementFor(entry, ladder, step);
        var concern = entry.Concern;

        var preferredSlot = SelectionQuery.NotPreferredStep;
        if (step.PreferredAgentOnly)
        {
            preferredSlot = concern.PreferredAgent is { } preferred && _index.SlotOf(preferred) is var slot and >= 0
                ? slot
                : SelectionQuery.UnknownPreferredAgent;
        }

        // Rejections in their cooldown keep the agent away; a concern rarely has more than a handful.
        var rejections = ((ValueList<Rejection>)entry.Rejections).AsSpan();
        Span<AgentId> active = rejections.Length <= 16 ? stackalloc AgentId[16] : new AgentId[rejections.Length];
        var activeCount = 0;
        foreach (var rejection in rejections)
        {
            if (rejection.At + Policy.RejectionCooldown > now)
            {
                active[activeCount++] = rejection.Agent;
            }
        }

        var mode = ladder.Distribution ?? Policy.Distribution;
        var query = new SelectionQuery
        {
            LevelRank = requirement.Level.Rank,
            SkillIds = requirement.SkillIds,
            Minimums = requirement.Minimums,
            LanguageId = step.MatchLanguage && concern.Language is { } language ? _index.LanguageId(language) : SelectionQuery.AnyLanguage,
            ChannelId = _index.ChannelId(concern.Channel),
            PreferredSlot = preferredSlot,
            Rejected = active[..activeCount],
            Mode = mode,
            RoundRobinAfter = mode == DistributionMode.RoundRobin ? _roundRobin.GetValueOrDefault((ladder.Name, entry.StepIndex)) : default,
            NowTicks = now.ToUnixTimeTicks(),
        };

        // The cache keeps what the explanation lists, so only decisions, which explain, use it.
        var cacheable = explain && preferredSlot == SelectionQuery.NotPreferredStep && activeCount == 0;
        if (cacheable && _noWinnerCache.Find(requirement, query.LanguageId, query.ChannelId, _index) is { } remembered)
        {
            stats = remembered.Stats;
            return remembered;
        }

        _index.Select(query, ref stats, recorder);
        if (stats.WinnerSlot < 0 && step.SkipIfNoneAvailable && stats.PresentEligible == 0)
        {
            stats.PresentEligible = _index.CountFullButMeeting(query);
        }

        if (preferredSlot >= 0 && stats.WinnerSlot < 0)
        {
            stats.PreferredIgnoringCapacity = _index.CheckFully(preferredSlot, query, ignoreCapacity: true).Reason;
        }

        if (recountAll)
        {
            RecountAllAgents(query, ref stats);
        }

        return cacheable && stats.WinnerSlot < 0
            ? _noWinnerCache.Save(requirement, query.LanguageId, query.ChannelId, _index, stats, CountList(stats), ExclusionList())
            : null;
    }

    /// <summary>Counts and lists every agent of the pool with the full check; slow, for <see cref="ExplanationDetail.AllAgents"/>.</summary>
    private void RecountAllAgents(scoped in SelectionQuery query, ref SelectionStats stats)
    {
        stats.Counts = default;
        stats.Examined = 0;
        _recorder.Reset();
        for (var slot = 0; slot < _index.SlotCount; slot++)
        {
            if (!_index.HasAgent(slot))
            {
                continue;
            }

            stats.Examined++;
            var check = _index.CheckFully(slot, query);
            if (!check.IsEligible)
            {
                stats.Counts[(int)check.Reason]++;
                _recorder.Add(slot, check);
            }
        }
    }

    private StepRequirement RequirementFor(QueueEntry entry, EscalationLadder ladder, LadderStep step)
    {
        // Keys are numbers so the lookup hashes no strings; the skills check catches an entry classified by another policy.
        var ladderIndex = 0;
        while (!ReferenceEquals(Policy.Ladders[ladderIndex], ladder))
        {
            ladderIndex++;
        }

        var key = (entry.Classification.RuleIndex, ladderIndex, entry.StepIndex);
        var skills = (ValueList<SkillRequirement>)entry.Classification.Skills;
        if (_requirements.TryGetValue(key, out var cached) && cached.SourceSkills.Equals(skills))
        {
            return cached;
        }

        var compiled = StepRequirement.Compile(Policy, skills, step, _index);
        _requirements[key] = compiled;
        return compiled;
    }

    private RoutingExplanation Explain(QueueEntry entry, EscalationLadder ladder, Instant now, ChangeLog log, in SelectionStats stats, NoWinnerCache.Entry? remembered)
    {
        var counts = remembered?.Counts ?? CountList(stats);
        var exclusions = remembered?.Exclusions ?? ExclusionList();

        WinnerScore? winner = null;
        if (stats.WinnerSlot >= 0)
        {
            var slot = stats.WinnerSlot;
            winner = new WinnerScore(
                _index.IdAt(slot),
                ladder.Distribution ?? Policy.Distribution,
                stats.WinnerScore,
                now - Instant.FromUnixTimeTicks(_index.IdleSinceAt(slot)),
                _index.LoadAt(slot),
                _index.UnitsAt(slot));
        }

        var excluded = stats.Total - stats.Eligible;
        return new RoutingExplanation(
            entry.ConcernId,
            now,
            entry.Classification,
            ladder,
            entry.StepIndex,
            RequirementOf(entry, now),
            entry.Priority,
            new Priority(EffectiveLevel(entry, now)),
            ladder.Distribution ?? Policy.Distribution,
            log.StepChangesView,
            stats.Total,
            stats.Examined,
            stats.Eligible,
            counts,
            exclusions,
            Math.Max(0, excluded - exclusions.Count),
            winner,
            entry.IsExhausted,
            Options.ExplanationDetail);
    }

    private static ValueList<ExclusionCount> CountList(in SelectionStats stats)
    {
        var reasons = 0;
        for (var reason = 1; reason < SelectionStats.ReasonCount; reason++)
        {
            reasons += stats.Counts[reason] > 0 ? 1 : 0;
        }

        var counts = new ExclusionCount[reasons];
        for (int reason = 1, next = 0; reason < SelectionStats.ReasonCount; reason++)
        {
            if (stats.Counts[reason] > 0)
            {
                counts[next++] = new((ExclusionReason)reason, stats.Counts[reason]);
            }
        }

        return ValueList<ExclusionCount>.Wrap(counts);
    }

    private ValueList<AgentExclusion> ExclusionList()
    {
        var listed = Options.ExplanationDetail == ExplanationDetail.Counts ? 0 : _recorder.Count;
        var exclusions = new AgentExclusion[listed];
        for (var i = 0; i < listed; i++)
        {
            exclusions[i] = new(_index.IdAt(_recorder.Slots[i]), _recorder.Checks[i]);
        }

        return ValueList<AgentExclusion>.Wrap(exclusions);
    }

    private QueueEntry Book(QueueEntry entry, EscalationLadder ladder, int slot, Instant now)
    {
        var agent = _index.AgentAt(slot);
        var cost = agent.Capacity.CostOf(entry.Concern.Channel);
        _index.Book(slot, new AgentAssignment(entry.ConcernId, entry.Concern.Channel, cost, now), now);
        return MakeOffer(entry, ladder, agent.Id, now);
    }

    /// <summary>Returns the entry with an open offer to <paramref name="agent"/>, and moves the round-robin turn on.</summary>
    internal QueueEntry MakeOffer(QueueEntry entry, EscalationLadder ladder, AgentId agent, Instant now)
    {
        if ((ladder.Distribution ?? Policy.Distribution) == DistributionMode.RoundRobin)
        {
            _roundRobin[(ladder.Name, entry.StepIndex)] = agent;
        }

        return entry with
        {
            Status = QueueEntryStatus.Offered,
            Offer = new Offer(agent, now, now + Policy.OfferTimeout),
            OfferCount = entry.OfferCount + 1,
        };
    }

    private int EffectiveLevel(QueueEntry entry, Instant now)
    {
        var level = entry.Priority.Level;
        if (Policy.AgingInterval is { } interval)
        {
            var waited = now - entry.Concern.EnqueuedAt;
            if (waited > Duration.Zero)
            {
                level -= (int)Math.Min(Priority.MaxLevel, waited.BclCompatibleTicks / interval.BclCompatibleTicks);
            }
        }

        return Math.Max(1, level);
    }

    private static void RequireWaiting(QueueEntry entry)
    {
        Guard.NotNull(entry);
        if (entry.Status != QueueEntryStatus.Waiting)
        {
            throw new ArgumentException($"Entry {entry.ConcernId} is {entry.Status}; only waiting entries are routed. Wait until the offer is accepted, rejected or expires.", nameof(entry));
        }
    }
}
