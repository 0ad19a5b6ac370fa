namespace CustomerCare.Kvp.Metrics;

/// <summary>The running figures of one channel.</summary>
internal sealed class ChannelState
{
    public long Contacts { get; set; }

    public QuantileSketch HandleTime { get; } = new();

    public decimal Cost { get; set; }

    public long ResolvedConcerns { get; set; }

    public decimal ResolvedConcernCost { get; set; }
}
