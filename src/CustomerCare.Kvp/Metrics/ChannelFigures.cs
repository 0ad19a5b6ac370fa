using CustomerCare.Core;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The figures of one channel: its share of contacts, handle time and cost.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Channel">The channel.</param>
/// <param name="Contacts">Customer contacts on the channel.</param>
/// <param name="Share">The channel's share of all customer contacts, 0 to 1, or null when there are none.</param>
/// <param name="HandleTime">Recorded work time per handled interaction on the channel (calendar only).</param>
/// <param name="Cost">The cost of all interactions on the channel, or null without a cost model.</param>
/// <param name="CostPerContact">Cost ÷ customer contacts, or null without a cost model or contacts.</param>
/// <param name="ResolvedConcerns">Closed concerns that came in on the channel.</param>
/// <param name="CostPerResolvedConcern">The cost of those concerns ÷ their number, or null without a cost model or concerns.</param>
public sealed record ChannelFigures(
    Channel Channel,
    long Contacts,
    double? Share,
    DurationSummary HandleTime,
    decimal? Cost,
    decimal? CostPerContact,
    long ResolvedConcerns,
    decimal? CostPerResolvedConcern);
