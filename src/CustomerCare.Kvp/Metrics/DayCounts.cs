namespace CustomerCare.Kvp.Metrics;

/// <summary>The backlog flow of one day.</summary>
internal sealed class DayCounts
{
    public long Created { get; set; }

    public long Resolved { get; set; }

    public long Reopened { get; set; }
}
