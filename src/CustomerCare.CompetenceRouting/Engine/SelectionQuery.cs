using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>What one selection asks of the agent index, with every name already turned into an index number.</summary>
internal readonly ref struct SelectionQuery
{
    /// <summary>The slot of the preferred agent for a preferred-agent step; <see cref="NotPreferredStep"/> otherwise.</summary>
    public const int NotPreferredStep = -1;

    /// <summary>The preferred-agent step's agent is not in the pool.</summary>
    public const int UnknownPreferredAgent = -2;

    /// <summary>No language is required.</summary>
    public const int AnyLanguage = -1;

    public required int LevelRank { get; init; }

    public required ReadOnlySpan<int> SkillIds { get; init; }

    public required ReadOnlySpan<byte> Minimums { get; init; }

    public required int LanguageId { get; init; }

    public required int ChannelId { get; init; }

    public required int PreferredSlot { get; init; }

    public required ReadOnlySpan<AgentId> Rejected { get; init; }

    public required DistributionMode Mode { get; init; }

    /// <summary>The agent a round-robin step chose last, or <c>default</c> to start at the smallest identifier.</summary>
    public required AgentId RoundRobinAfter { get; init; }

    public required long NowTicks { get; init; }
}
