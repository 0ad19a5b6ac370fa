using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// The agents of one routing engine, indexed by level, skill and presence so that a selection examines only the
/// available agents at the step's level who have its rarest skill.
/// </summary>
/// <remarks>
/// <para>
/// Agents live in slots. Per-slot facts are kept in parallel arrays (level bits, presence, units, load, idle time,
/// languages, channel costs) and proficiencies in one column per skill, so checking a candidate reads a few array
/// elements and allocates nothing. Posting lists hold the available agents per (level, skill) and per level.
/// Counters per level and presence let a selection count the agents it never examines.
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
    private readonly Dictionary<long, SlotList> _lists = [];
    private readonly int[] _atLevel = new int[CompetenceLevel.MaxRank + 1];
    private readonly int[] _presenceAtLevel = new int[(CompetenceLevel.MaxRank + 1) * PresenceCount];

    private bool[][] _covers = [];
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
    private int[][] _languagesBySlot = [];
    private int[][] _costBySlot = [];

    public int Count => _slotById.Count;

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
        if (!_channelIds.TryGetValue(channel, out var id))
        {
            id = _channelIds.Count;
            _channelIds.Add(channel, id);
        }

        return id;
    }

    public int LanguageId(Language language)
    {
        if (_languageIds.TryGetValue(language, out var id))
        {
            return id;
        }

        // The cover relation is symmetric, so one new row and one new column keep the matrix complete.
        id = _languages.Count;
        _languageIds.Add(language, id);
        _languages.Add(language);
        Array.Resize(ref _covers, id + 1);
        _covers[id] = new bool[id + 1];
        for (var other = 0; other < id; other++)
        {
            Array.Resize(ref _covers[other], id + 1);
            var covers = _languages[other].Covers(language);
            _covers[other][id] = covers;
            _covers[id][other] = covers;
        }

        _covers[id][id] = true;
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
        _agents[slot] = agent;
        _load[slot] = agent.Load;
        _idleSince[slot] = at.ToUnixTimeTicks();
        return agent;
    }

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
        stats.Counts[(int)ExclusionReason.WrongLevel] = Count - _atLevel[rank];
        stats.Counts[(int)ExclusionReason.Offline] = CountAt(rank, Presence.Offline);
        stats.Counts[(int)ExclusionReason.Away] = CountAt(rank, Presence.Away);
        stats.Counts[(int)ExclusionReason.Busy] = CountAt(rank, Presence.Busy);
        var available = CountAt(rank, Presence.Available);

        var pivot = -1;
        var candidates = ListFor(rank, AnySkill);
        for (var i = 0; i < query.SkillIds.Length; i++)
        {
            var list = ListFor(rank, query.SkillIds[i]);
            if (pivot < 0 || (list?.Count ?? 0) < (candidates?.Count ?? 0))
            {
                pivot = i;
                candidates = list;
            }
        }

        var candidateCount = candidates?.Count ?? 0;
        stats.Counts[(int)ExclusionReason.SkillMissing] = available - candidateCount;
        if (candidates is null)
        {
            return;
        }

        foreach (var slot in candidates.Slots)
        {
            stats.Examined++;
            var check = CheckCandidate(slot, query, pivot);
            Tally(slot, query, check, ref stats, recorder);
        }
    }

    /// <summary>Checks one agent in the order of <see cref="ExclusionReason"/>; the same rules as <see cref="AgentRequirement.Evaluate"/>.</summary>
    public AgentCheck CheckFully(int slot, scoped in SelectionQuery query)
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

        return CheckCandidate(slot, query, -1);
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

    /// <summary>Checks an available agent at the right level; <paramref name="pivot"/> is a skill already known to be present.</summary>
    private AgentCheck CheckCandidate(int slot, scoped in SelectionQuery query, int pivot)
    {
        var skills = query.SkillIds;
        for (var i = 0; i < skills.Length; i++)
        {
            if (i != pivot && _proficiency[skills[i]][slot] == 0)
            {
                return new(ExclusionReason.SkillMissing, SkillAt(skills[i]));
            }
        }

        for (var i = 0; i < skills.Length; i++)
        {
            var proficiency = _proficiency[skills[i]][slot];
            if (proficiency < query.Minimums[i])
            {
                return new(ExclusionReason.SkillBelowMinimum, SkillAt(skills[i]), proficiency, query.Minimums[i]);
            }
        }

        if (query.LanguageId != SelectionQuery.AnyLanguage && !ServesLanguage(slot, query.LanguageId))
        {
            return new(ExclusionReason.WrongLanguage);
        }

        var costs = _costBySlot[slot];
        var cost = query.ChannelId < costs.Length ? costs[query.ChannelId] : 0;
        if (cost == 0)
        {
            return new(ExclusionReason.ChannelNotServed);
        }

        var free = _units[slot] - _load[slot];
        if (free < cost)
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

    private bool ServesLanguage(int slot, int requested)
    {
        var covers = _covers[requested];
        foreach (var own in _languagesBySlot[slot])
        {
            if (covers[own])
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

    private Skill SkillAt(int skillId) => _skills[skillId];

    private SlotList? ListFor(int rank, int skillId) =>
        _lists.TryGetValue(ListKey(rank, skillId), out var list) ? list : null;

    private static long ListKey(int rank, int skillId) => ((long)rank << 32) | (uint)(skillId + 1);

    private void Link(int slot, Agent agent)
    {
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

        var languages = new int[agent.Languages.Count];
        for (var i = 0; i < languages.Length; i++)
        {
            languages[i] = LanguageId(agent.Languages[i]);
        }

        _languagesBySlot[slot] = languages;

        var costs = Array.Empty<int>();
        foreach (var (channel, cost) in agent.Capacity.Costs)
        {
            var channelId = ChannelId(channel);
            if (channelId >= costs.Length)
            {
                Array.Resize(ref costs, channelId + 1);
            }

            costs[channelId] = cost;
        }

        _costBySlot[slot] = costs;

        foreach (var skill in agent.Skills)
        {
            // Interning may grow the column array, so take the id before indexing into it.
            var skillId = SkillId(skill.Skill);
            _proficiency[skillId][slot] = (byte)skill.Level;
        }

        foreach (var level in agent.Levels)
        {
            _atLevel[level.Rank]++;
            _presenceAtLevel[(level.Rank * PresenceCount) + (int)agent.Presence]++;
            if (agent.Presence != Presence.Available)
            {
                continue;
            }

            GetOrAddList(level.Rank, AnySkill).Add(slot);
            foreach (var skill in agent.Skills)
            {
                GetOrAddList(level.Rank, SkillId(skill.Skill)).Add(slot);
            }
        }
    }

    private void Unlink(int slot)
    {
        var agent = _agents[slot]!;
        foreach (var level in agent.Levels)
        {
            _atLevel[level.Rank]--;
            _presenceAtLevel[(level.Rank * PresenceCount) + (int)agent.Presence]--;
            if (agent.Presence != Presence.Available)
            {
                continue;
            }

            ListFor(level.Rank, AnySkill)!.Remove(slot);
            foreach (var skill in agent.Skills)
            {
                ListFor(level.Rank, _skillIds[skill.Skill])!.Remove(slot);
            }
        }

        foreach (var skill in agent.Skills)
        {
            _proficiency[_skillIds[skill.Skill]][slot] = 0;
        }
    }

    private SlotList GetOrAddList(int rank, int skillId)
    {
        var key = ListKey(rank, skillId);
        if (!_lists.TryGetValue(key, out var list))
        {
            list = new SlotList();
            _lists.Add(key, list);
        }

        return list;
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
        Array.Resize(ref _languagesBySlot, capacity);
        Array.Resize(ref _costBySlot, capacity);
        for (var i = 0; i < _proficiency.Length; i++)
        {
            Array.Resize(ref _proficiency[i], capacity);
        }

        _slotCapacity = capacity;
    }
}
