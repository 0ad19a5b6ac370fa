using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// The agents of one routing engine, indexed by level, skill, presence and free capacity so that a selection examines
/// only the open agents at the step's level who have its rarest skill.
/// </summary>
/// <remarks>
/// <para>
/// Agents live in slots. Per-slot facts are kept in flat arrays (level bits, presence, units, load, idle time,
/// language bits, channel costs) and proficiencies in one column per skill, so checking a candidate reads a few
/// array elements and allocates nothing.
/// </para>
/// <para>
/// An agent is open when it is available and has free units. Posting lists, sorted by slot, contain the open agents
/// per (level, skill) and per level, and a second set contains the available agents without free units ("full"). Counters per
/// level and presence let a selection count the agents it never examines, so a queue that has used up the capacity of
/// the pool costs little to route.
/// </para>
/// <para>The index is not thread-safe; the routing engine that owns it serializes access.</para>
/// </remarks>
internal sealed class AgentIndex
{
    private const int AnySkill = -1;
    private const int PresenceCount = (int)Presence.Away + 1;

    private readonly Dictionary<Skill, int> _skillIds = [];
    private readonly List<Skill> _skills = [];
    private readonly Dictionary<Channel, int> _channelIds = [];
    private readonly Dictionary<Language, int> _languageIds = [];
    private readonly List<Language> _languages = [];
    private readonly Dictionary<AgentId, int> _slotById = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<long, SlotList> _openLists = [];
    private readonly Dictionary<long, SlotList> _fullLists = [];
    private readonly int[] _atLevel = new int[CompetenceLevel.MaxRank + 1];
    private readonly int[] _fullAtLevel = new int[CompetenceLevel.MaxRank + 1];
    private readonly int[] _presenceAtLevel = new int[(CompetenceLevel.MaxRank + 1) * PresenceCount];
    private readonly long[] _levelVersions = new long[CompetenceLevel.MaxRank + 1];

    private byte[][] _proficiency = [];
    private int _slotCapacity;
    private int _slotCount;
    private Agent?[] _agents = [];
    private AgentId[] _ids = [];
    private UInt128[] _levels = [];
    private Presence[] _presence = [];
    private int[] _units = [];
    private int[] _load = [];
    private long[] _idleSince = [];

    // Languages as bits: each slot has _languageWords words, and _covers[requested] has the bits of every language
    // that covers the requested one, so one AND per word decides whether the agent serves it.
    private int _languageWords = 1;
    private ulong[] _languageBits = [];
    private ulong[][] _covers = [];

    // Costs per channel: each slot has _channelStride entries, 0 for a channel the agent does not serve.
    private int _channelStride = 4;
    private int[] _costs = [];

    public int Count => _slotById.Count;

    /// <summary>Gets a number that changes whenever an agent is added, replaced or removed.</summary>
    public long MembershipVersion { get; private set; }

    /// <summary>Gets the number of slots in use or freed; slots at and above it were never used.</summary>
    public int SlotCount => _slotCount;

    public IEnumerable<Agent> Agents
    {
        get
        {
            for (var slot = 0; slot < _slotCount; slot++)
            {
                if (_agents[slot] is { } agent)
                {
                    yield return agent;
                }
            }
        }
    }

    public Agent? Find(AgentId id) => _slotById.TryGetValue(id, out var slot) ? _agents[slot] : null;

    public int SlotOf(AgentId id) => _slotById.TryGetValue(id, out var slot) ? slot : -1;

    public bool HasAgent(int slot) => _agents[slot] is not null;

    public Agent AgentAt(int slot) => _agents[slot]!;

    public AgentId IdAt(int slot) => _ids[slot];

    public int LoadAt(int slot) => _load[slot];

    public int UnitsAt(int slot) => _units[slot];

    public long IdleSinceAt(int slot) => _idleSince[slot];

    public int SkillId(Skill skill)
    {
        if (_skillIds.TryGetValue(skill, out var id))
        {
            return id;
        }

        id = _skills.Count;
        _skillIds.Add(skill, id);
        _skills.Add(skill);
        Array.Resize(ref _proficiency, id + 1);
        _proficiency[id] = new byte[_slotCapacity];
        return id;
    }

    public int ChannelId(Channel channel)
    {
        if (_channelIds.TryGetValue(channel, out var id))
        {
            return id;
        }

        id = _channelIds.Count;
        _channelIds.Add(channel, id);
        if (id >= _channelStride)
        {
            var stride = _channelStride * 2;
            var costs = new int[_slotCapacity * stride];
            for (var slot = 0; slot < _slotCapacity; slot++)
            {
                Array.Copy(_costs, slot * _channelStride, costs, slot * stride, _channelStride);
            }

            _costs = costs;
            _channelStride = stride;
        }

        return id;
    }

    public int LanguageId(Language language)
    {
        if (_languageIds.TryGetValue(language, out var id))
        {
            return id;
        }

        id = _languages.Count;
        _languageIds.Add(language, id);
        _languages.Add(language);
        if (id >= _languageWords * 64)
        {
            GrowLanguageWords();
        }

        // The cover relation is symmetric, so setting one row and one column keeps every row complete.
        Array.Resize(ref _covers, id + 1);
        _covers[id] = new ulong[_languageWords];
        for (var other = 0; other <= id; other++)
        {
            if (_languages[other].Covers(language))
            {
                _covers[id][other / 64] |= 1UL << (other % 64);
                _covers[other][id / 64] |= 1UL << (id % 64);
            }
        }

        return id;
    }

    public void Upsert(Agent agent)
    {
        if (_slotById.TryGetValue(agent.Id, out var slot))
        {
            Unlink(slot);
        }
        else
        {
            slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slotCount++;
            EnsureSlotCapacity(_slotCount);
            _slotById.Add(agent.Id, slot);
        }

        Link(slot, agent);
    }

    public bool Remove(AgentId id)
    {
        if (!_slotById.Remove(id, out var slot))
        {
            return false;
        }

        Unlink(slot);
        _agents[slot] = null;
        _freeSlots.Push(slot);
        return true;
    }

    /// <summary>Holds capacity in the index as the directory will, so the next decisions in a batch see it.</summary>
    public Agent Book(int slot, AgentAssignment assignment, Instant at)
    {
        var agent = _agents[slot]!.WithAssignment(assignment, at);
        var wasOpen = IsOpen(slot);
        Touch(agent);
        _agents[slot] = agent;
        _load[slot] = agent.Load;
        _idleSince[slot] = at.ToUnixTimeTicks();
        if (wasOpen && !IsOpen(slot))
        {
            MoveBetweenLists(slot, agent, toFull: true);
        }

        return agent;
    }

    /// <summary>Returns a number that changes whenever an agent at the level changes, including capacity booked in the index.</summary>
    public long LevelVersion(int rank) => _levelVersions[rank];

    /// <summary>Returns the number of agents at a level whose presence is <paramref name="presence"/>.</summary>
    public int CountAt(int rank, Presence presence) => _presenceAtLevel[(rank * PresenceCount) + (int)presence];

    /// <summary>
    /// Chooses the best agent for <paramref name="query"/> and counts every agent of the pool under its first
    /// exclusion reason; see <see cref="ExclusionReason"/> for the order. Allocates nothing.
    /// </summary>
    public void Select(scoped in SelectionQuery query, ref SelectionStats stats, ExplanationRecorder? recorder)
    {
        stats.Reset(Count);
        if (query.PreferredSlot != SelectionQuery.NotPreferredStep)
        {
            SelectPreferred(query, ref stats, recorder);
            return;
        }

        var rank = query.LevelRank;
        var full = _fullAtLevel[rank];
        stats.Counts[(int)ExclusionReason.WrongLevel] = Count - _atLevel[rank];
        stats.Counts[(int)ExclusionReason.Offline] = CountAt(rank, Presence.Offline);
        stats.Counts[(int)ExclusionReason.Away] = CountAt(rank, Presence.Away);
        stats.Counts[(int)ExclusionReason.Busy] = CountAt(rank, Presence.Busy);
        stats.Counts[(int)ExclusionReason.NoCapacity] = full;
        var open = CountAt(rank, Presence.Available) - full;

        var (candidates, pivot) = PivotList(_openLists, query);
        stats.Counts[(int)ExclusionReason.SkillMissing] = open - (candidates?.Count ?? 0);
        if (candidates is null)
        {
            return;
        }

        foreach (var slot in candidates.Slots)
        {
            stats.Examined++;
            var check = CheckCandidate(slot, query, pivot, ignoreCapacity: false);
            Tally(slot, query, check, ref stats, recorder);
        }
    }

    /// <summary>
    /// Counts the available agents without free units who meet the step otherwise. A selection counts them under
    /// <see cref="ExclusionReason.NoCapacity"/> without looking at them; "skip if no one is available" needs to know.
    /// </summary>
    public int CountFullButMeeting(scoped in SelectionQuery query)
    {
        var (candidates, pivot) = PivotList(_fullLists, query);
        var meeting = 0;
        foreach (var slot in candidates is null ? [] : candidates.Slots)
        {
            meeting += CheckCandidate(slot, query, pivot, ignoreCapacity: true).Reason is ExclusionReason.None or ExclusionReason.RejectedOffer ? 1 : 0;
        }

        return meeting;
    }

    /// <summary>Checks one agent in the order of <see cref="ExclusionReason"/>; the same rules as <see cref="AgentRequirement.Evaluate"/>.</summary>
    /// <param name="slot">The agent's slot.</param>
    /// <param name="query">The step's requirement.</param>
    /// <param name="ignoreCapacity">Whether to pass agents that lack free units, to ask whether they meet the step otherwise.</param>
    public AgentCheck CheckFully(int slot, scoped in SelectionQuery query, bool ignoreCapacity = false)
    {
        if (query.PreferredSlot != SelectionQuery.NotPreferredStep && slot != query.PreferredSlot)
        {
            return new(ExclusionReason.NotPreferredAgent);
        }

        if (((_levels[slot] >> query.LevelRank) & UInt128.One) == UInt128.Zero)
        {
            return new(ExclusionReason.WrongLevel);
        }

        switch (_presence[slot])
        {
            case Presence.Offline:
                return new(ExclusionReason.Offline);
            case Presence.Away:
                return new(ExclusionReason.Away);
            case Presence.Busy:
                return new(ExclusionReason.Busy);
        }

        var free = _units[slot] - _load[slot];
        if (free <= 0 && !ignoreCapacity)
        {
            return new(ExclusionReason.NoCapacity, default, free, CostAt(slot, query.ChannelId));
        }

        return CheckCandidate(slot, query, -1, ignoreCapacity);
    }

    private void SelectPreferred(scoped in SelectionQuery query, ref SelectionStats stats, ExplanationRecorder? recorder)
    {
        var known = query.PreferredSlot >= 0;
        stats.Counts[(int)ExclusionReason.NotPreferredAgent] = Count - (known ? 1 : 0);
        if (!known)
        {
            return;
        }

        stats.Examined = 1;
        var check = CheckFully(query.PreferredSlot, query);
        Tally(query.PreferredSlot, query, check, ref stats, recorder);
    }

    private void Tally(int slot, scoped in SelectionQuery query, in AgentCheck check, ref SelectionStats stats, ExplanationRecorder? recorder)
    {
        if (check.Reason is ExclusionReason.None or ExclusionReason.NoCapacity)
        {
            stats.PresentEligible++;
        }

        if (check.Reason != ExclusionReason.None)
        {
            stats.Counts[(int)check.Reason]++;
            recorder?.Add(slot, check);
            return;
        }

        stats.Eligible++;
        var score = Score(slot, query);
        if (stats.WinnerSlot < 0 || Beats(slot, score, stats.WinnerSlot, stats.WinnerScore, query))
        {
            stats.WinnerSlot = slot;
            stats.WinnerScore = score;
        }
    }

    /// <summary>Checks an available agent at the right level from the skills on; <paramref name="pivot"/> is a skill already known to be present.</summary>
    private AgentCheck CheckCandidate(int slot, scoped in SelectionQuery query, int pivot, bool ignoreCapacity)
    {
        var skills = query.SkillIds;
        for (var i = 0; i < skills.Length; i++)
        {
            if (i != pivot && _proficiency[skills[i]][slot] == 0)
            {
                return new(ExclusionReason.SkillMissing, _skills[skills[i]]);
            }
        }

        for (var i = 0; i < skills.Length; i++)
        {
            var proficiency = _proficiency[skills[i]][slot];
            if (proficiency < query.Minimums[i])
            {
                return new(ExclusionReason.SkillBelowMinimum, _skills[skills[i]], proficiency, query.Minimums[i]);
            }
        }

        if (query.LanguageId != SelectionQuery.AnyLanguage && !ServesLanguage(slot, query.LanguageId))
        {
            return new(ExclusionReason.WrongLanguage);
        }

        var cost = CostAt(slot, query.ChannelId);
        if (cost == 0)
        {
            return new(ExclusionReason.ChannelNotServed);
        }

        var free = _units[slot] - _load[slot];
        if (free < cost && !ignoreCapacity)
        {
            return new(ExclusionReason.NoCapacity, default, free, cost);
        }

        var id = _ids[slot];
        foreach (var rejected in query.Rejected)
        {
            if (rejected == id)
            {
                return new(ExclusionReason.RejectedOffer);
            }
        }

        return AgentCheck.Eligible;
    }

    private int CostAt(int slot, int channelId) => channelId < _channelStride ? _costs[(slot * _channelStride) + channelId] : 0;

    private bool ServesLanguage(int slot, int requested)
    {
        var covers = _covers[requested];
        var bits = _languageBits.AsSpan(slot * _languageWords, _languageWords);
        for (var word = 0; word < bits.Length; word++)
        {
            if ((bits[word] & covers[word]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private long Score(int slot, scoped in SelectionQuery query)
    {
        switch (query.Mode)
        {
            case DistributionMode.LeastBusy:
                return (long)_load[slot] * 1000 / _units[slot];
            case DistributionMode.BestSkillMatch:
                var sum = 0L;
                foreach (var skill in query.SkillIds)
                {
                    sum += _proficiency[skill][slot];
                }

                return sum;
            case DistributionMode.LongestIdle:
                return (query.NowTicks - _idleSince[slot]) / NodaConstants.TicksPerSecond;
            default:
                return 0;
        }
    }

    /// <summary>Returns whether a candidate beats the current winner; ties fall to the longest idle, then the smaller identifier.</summary>
    private bool Beats(int slot, long score, int winner, long winnerScore, scoped in SelectionQuery query)
    {
        switch (query.Mode)
        {
            case DistributionMode.LeastBusy:
                // Compare load shares exactly by cross-multiplying; the per-mille score is only for display.
                var share = ((long)_load[slot] * _units[winner]).CompareTo((long)_load[winner] * _units[slot]);
                if (share != 0)
                {
                    return share < 0;
                }

                break;
            case DistributionMode.BestSkillMatch:
                if (score != winnerScore)
                {
                    return score > winnerScore;
                }

                break;
            case DistributionMode.RoundRobin:
                var after = query.RoundRobinAfter;
                var candidateWraps = _ids[slot] <= after;
                var winnerWraps = _ids[winner] <= after;
                if (candidateWraps != winnerWraps)
                {
                    return !candidateWraps;
                }

                return _ids[slot] < _ids[winner];
        }

        var idle = _idleSince[slot].CompareTo(_idleSince[winner]);
        return idle != 0 ? idle < 0 : _ids[slot] < _ids[winner];
    }

    /// <summary>Returns the shortest posting list among the query's skills, or the level's list when it needs none.</summary>
    private static (SlotList? List, int Pivot) PivotList(Dictionary<long, SlotList> lists, scoped in SelectionQuery query)
    {
        var rank = query.LevelRank;
        if (query.SkillIds.IsEmpty)
        {
            return (lists.GetValueOrDefault(ListKey(rank, AnySkill)), -1);
        }

        SlotList? shortest = null;
        var pivot = -1;
        for (var i = 0; i < query.SkillIds.Length; i++)
        {
            var list = lists.GetValueOrDefault(ListKey(rank, query.SkillIds[i]));
            if (list is null)
            {
                return (null, i);
            }

            if (shortest is null || list.Count < shortest.Count)
            {
                shortest = list;
                pivot = i;
            }
        }

        return (shortest, pivot);
    }

    private static long ListKey(int rank, int skillId) => ((long)rank << 32) | (uint)(skillId + 1);

    private bool IsOpen(int slot) => _presence[slot] == Presence.Available && _units[slot] - _load[slot] > 0;

    private void Touch(Agent agent)
    {
        foreach (var level in agent.Levels)
        {
            _levelVersions[level.Rank]++;
        }
    }

    private void Link(int slot, Agent agent)
    {
        MembershipVersion++;
        Touch(agent);
        _agents[slot] = agent;
        _ids[slot] = agent.Id;
        _presence[slot] = agent.Presence;
        _units[slot] = agent.Capacity.Units;
        _load[slot] = agent.Load;
        _idleSince[slot] = agent.IdleSince.ToUnixTimeTicks();

        var levels = UInt128.Zero;
        foreach (var level in agent.Levels)
        {
            levels |= UInt128.One << level.Rank;
        }

        _levels[slot] = levels;

        // Interning may grow the bit words, the cost stride or the proficiency columns, so take ids before indexing.
        var languageIds = agent.Languages.Select(LanguageId).ToArray();
        _languageBits.AsSpan(slot * _languageWords, _languageWords).Clear();
        foreach (var language in languageIds)
        {
            _languageBits[(slot * _languageWords) + (language / 64)] |= 1UL << (language % 64);
        }

        var channelCosts = agent.Capacity.Costs.Select(c => (Id: ChannelId(c.Key), Cost: c.Value)).ToArray();
        _costs.AsSpan(slot * _channelStride, _channelStride).Clear();
        foreach (var (channel, cost) in channelCosts)
        {
            _costs[(slot * _channelStride) + channel] = cost;
        }

        foreach (var skill in agent.Skills)
        {
            var skillId = SkillId(skill.Skill);
            _proficiency[skillId][slot] = (byte)skill.Level;
        }

        var isFull = !IsOpen(slot);
        foreach (var level in agent.Levels)
        {
            _atLevel[level.Rank]++;
            _presenceAtLevel[(level.Rank * PresenceCount) + (int)agent.Presence]++;
            if (agent.Presence == Presence.Available && isFull)
            {
                _fullAtLevel[level.Rank]++;
            }
        }

        if (agent.Presence == Presence.Available)
        {
            AddToLists(slot, agent, isFull ? _fullLists : _openLists);
        }
    }

    private void Unlink(int slot)
    {
        var agent = _agents[slot]!;
        MembershipVersion++;
        Touch(agent);
        var isFull = !IsOpen(slot);
        foreach (var level in agent.Levels)
        {
            _atLevel[level.Rank]--;
            _presenceAtLevel[(level.Rank * PresenceCount) + (int)agent.Presence]--;
            if (agent.Presence == Presence.Available && isFull)
            {
                _fullAtLevel[level.Rank]--;
            }
        }

        if (agent.Presence == Presence.Available)
        {
            RemoveFromLists(slot, agent, isFull ? _fullLists : _openLists);
        }

        foreach (var skill in agent.Skills)
        {
            _proficiency[_skillIds[skill.Skill]][slot] = 0;
        }
    }

    private void MoveBetweenLists(int slot, Agent agent, bool toFull)
    {
        RemoveFromLists(slot, agent, toFull ? _openLists : _fullLists);
        AddToLists(slot, agent, toFull ? _fullLists : _openLists);
        foreach (var level in agent.Levels)
        {
            _fullAtLevel[level.Rank] += toFull ? 1 : -1;
        }
    }

    private void AddToLists(int slot, Agent agent, Dictionary<long, SlotList> lists)
    {
        foreach (var level in agent.Levels)
        {
            GetOrAddList(lists, level.Rank, AnySkill).Add(slot);
            foreach (var skill in agent.Skills)
            {
                GetOrAddList(lists, level.Rank, _skillIds[skill.Skill]).Add(slot);
            }
        }
    }

    private void RemoveFromLists(int slot, Agent agent, Dictionary<long, SlotList> lists)
    {
        foreach (var level in agent.Levels)
        {
            lists[ListKey(level.Rank, AnySkill)].Remove(slot);
            foreach (var skill in agent.Skills)
            {
                lists[ListKey(level.Rank, _skillIds[skill.Skill])].Remove(slot);
            }
        }
    }

    private static SlotList GetOrAddList(Dictionary<long, SlotList> lists, int rank, int skillId)
    {
        var key = ListKey(rank, skillId);
        if (!lists.TryGetValue(key, out var list))
        {
            list = new SlotList();
            lists.Add(key, list);
        }

        return list;
    }

    private void GrowLanguageWords()
    {
        var words = _languageWords * 2;
        var bits = new ulong[_slotCapacity * words];
        for (var slot = 0; slot < _slotCapacity; slot++)
        {
            Array.Copy(_languageBits, slot * _languageWords, bits, slot * words, _languageWords);
        }

        _languageBits = bits;
        _languageWords = words;
        for (var i = 0; i < _covers.Length; i++)
        {
            Array.Resize(ref _covers[i], words);
        }
    }

    private void EnsureSlotCapacity(int count)
    {
        if (count <= _slotCapacity)
        {
            return;
        }

        var capacity = Math.Max(16, Math.Max(count, _slotCapacity * 2));
        Array.Resize(ref _agents, capacity);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _levels, capacity);
        Array.Resize(ref _presence, capacity);
        Array.Resize(ref _units, capacity);
        Array.Resize(ref _load, capacity);
        Array.Resize(ref _idleSince, capacity);
        Array.Resize(ref _languageBits, capacity * _languageWords);
        Array.Resize(ref _costs, capacity * _channelStride);
        for (var i = 0; i < _proficiency.Length; i++)
        {
            Array.Resize(ref _proficiency[i], capacity);
        }

        _slotCapacity = capacity;
    }
}
