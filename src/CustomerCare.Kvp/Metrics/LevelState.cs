namespace CustomerCare.Kvp.Metrics;

/// <summary>The running figures of one competence level.</summary>
internal sealed class LevelState
{
    public long EscalatedConcerns { get; set; }

    public QuantileSketch HandleTime { get; } = new();

    public decimal Cost { get; set; }

    public long ResolvedConcerns { get; set; }

    public decimal ResolvedConcernCost { get; set; }
}
