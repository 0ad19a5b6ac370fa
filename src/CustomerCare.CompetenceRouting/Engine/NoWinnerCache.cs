using CustomerCare.CompetenceRouting.Explanations;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// Remembers the last selection without a winner for one requirement, language and channel, while the agents at the
/// step's level are unchanged.
/// </summary>
/// <remarks>
/// A selection depends only on the requirement, the concern's language and channel, rejections, the preferred agent
/// and the pool. Without rejections or a preferred agent, and with the pool's versions unchanged, a repeat has the same
/// outcome and the same counts. Only results without a winner are kept: a winner's score depends on the current
/// instant, and booking the winner changes the pool anyway. This saves the scan, and the lists of the explanation,
/// for the many concerns of a long queue that wait for the same kind of agent.
/// </remarks>
internal sealed class NoWinnerCache
{
    private readonly Dictionary<(StepRequirement Requirement, int Language, int Channel), Entry> _entries = [];

    /// <summary>Returns the remembered result if the pool is unchanged since, or <see langword="null"/>.</summary>
    public Entry? Find(StepRequirement requirement, int language, int channel, AgentIndex index) =>
        _entries.TryGetValue((requirement, language, channel), out var entry)
            && entry.Membership == index.MembershipVersion
            && entry.Level == index.LevelVersion(requirement.Level.Rank)
            ? entry
            : null;

    /// <summary>Remembers a result without a winner, with the lists its explanations share.</summary>
    public Entry Save(
        StepRequirement requirement,
        int language,
        int channel,
        AgentIndex index,
        in SelectionStats stats,
        ValueList<ExclusionCount> counts,
        ValueList<AgentExclusion> exclusions)
    {
        var entry = new Entry(index.MembershipVersion, index.LevelVersion(requirement.Level.Rank), stats, counts, exclusions);
        _entries[(requirement, language, channel)] = entry;
        return entry;
    }

    /// <summary>One remembered result. Its lists are immutable, so explanations share them.</summary>
    internal sealed class Entry(long membership, long level, SelectionStats stats, ValueList<ExclusionCount> counts, ValueList<AgentExclusion> exclusions)
    {
        public long Membership { get; } = membership;

        public long Level { get; } = level;

        public SelectionStats Stats { get; } = stats;

        public ValueList<ExclusionCount> Counts { get; } = counts;

        public ValueList<AgentExclusion> Exclusions { get; } = exclusions;
    }
}
