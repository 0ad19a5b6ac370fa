using CustomerCare.CompetenceRouting.Agents;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// Remembers the last selection without a winner for one requirement, language and channel, while the agents at the
/// step's level are unchanged.
/// </summary>
/// <remarks>
/// A selection depends only on the requirement, the concern's language and channel, rejections, the preferred agent
/// and the pool. Without rejections or a preferred agent, and with the pool's versions unchanged, a repeat has the same
/// outcome and the same counts. Only results without a winner are kept: a winner's score depends on the current
/// instant, and booking the winner changes the pool anyway. This saves the scan for the many concerns of a long
/// queue that wait for the same kind of agent.
/// </remarks>
internal sealed class NoWinnerCache
{
    private readonly Dictionary<(StepRequirement Requirement, int Language, int Channel), Entry> _entries = [];

    public bool TryRestore(StepRequirement requirement, int language, int channel, AgentIndex index, ref SelectionStats stats, ExplanationRecorder? recorder)
    {
        if (!_entries.TryGetValue((requirement, language, channel), out var entry)
            || entry.Membership != index.MembershipVersion
            || entry.Level != index.LevelVersion(requirement.Level.Rank))
        {
            return false;
        }

        stats = entry.Stats;
        recorder?.Restore(entry.Slots.AsSpan(0, entry.Count), entry.Checks.AsSpan(0, entry.Count));
        return true;
    }

    public void Save(StepRequirement requirement, int language, int channel, AgentIndex index, in SelectionStats stats, ExplanationRecorder? recorder)
    {
        var key = (requirement, language, channel);
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Entry();
            _entries.Add(key, entry);
        }

        entry.Membership = index.MembershipVersion;
        entry.Level = index.LevelVersion(requirement.Level.Rank);
        entry.Stats = stats;
        entry.Count = recorder?.Count ?? 0;
        if (entry.Slots.Length < entry.Count)
        {
            entry.Slots = new int[entry.Count];
            entry.Checks = new AgentCheck[entry.Count];
        }

        if (recorder is not null)
        {
            recorder.Slots.CopyTo(entry.Slots);
            recorder.Checks.CopyTo(entry.Checks);
        }
    }

    private sealed class Entry
    {
        public long Membership { get; set; }

        public long Level { get; set; }

        public SelectionStats Stats { get; set; }

        public int Count { get; set; }

        public int[] Slots { get; set; } = [];

        public AgentCheck[] Checks { get; set; } = [];
    }
}
