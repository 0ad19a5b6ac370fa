namespace CustomerCare.Kvp.Metrics;

/// <summary>The figures of one competence level: escalations to it, handle time and cost.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Rank">The level's rank: 1 first level, 2 specialists, 3 experts.</param>
/// <param name="EscalationRate">Concerns escalated to this level at least once ÷ all opened concerns.</param>
/// <param name="HandledInteractions">Interactions with recorded work time at this level.</param>
/// <param name="HandleTime">Recorded work time per handled interaction at this level (calendar only).</param>
/// <param name="Cost">The cost of the work at this level, or null without a cost model.</param>
/// <param name="CostPerHandledInteraction">Cost ÷ handled interactions, or null without a cost model or interactions.</param>
/// <param name="ResolvedConcerns">Closed concerns whose deepest level was this one.</param>
/// <param name="CostPerResolvedConcern">The cost of those concerns ÷ their number, or null without a cost model or concerns.</param>
public sealed record LevelFigures(
    int Rank,
    Ratio EscalationRate,
    long HandledInteractions,
    DurationSummary HandleTime,
    decimal? Cost,
    decimal? CostPerHandledInteraction,
    long ResolvedConcerns,
    decimal? CostPerResolvedConcern);
