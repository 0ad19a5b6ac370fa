using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The running outcomes of one SLA target.</summary>
internal sealed class SlaTargetState
{
    public long Met { get; set; }

    public long Breached { get; set; }

    public long Pending { get; set; }

    public Dictionary<LocalDate, (long Met, long Breached)> Daily { get; } = [];

    public void Add(LocalDate date, bool met)
    {
        Daily.TryGetValue(date, out var day);
        if (met)
        {
            Met++;
            Daily[date] = (day.Met + 1, day.Breached);
        }
        else
        {
            Breached++;
            Daily[date] = (day.Met, day.Breached + 1);
        }
    }
}
