using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The daily backlog counts, SLA outcomes and headline figures of all concerns or of one product.</summary>
internal sealed class SeriesState(ContactReason product)
{
    public ContactReason Product { get; } = product;

    public long Concerns { get; set; }

    public long Contacts { get; set; }

    public long FirstContactResolved { get; set; }

    public long FirstContactDecided { get; set; }

    public long CsatSatisfied { get; set; }

    public long CsatAnswers { get; set; }

    public Dictionary<LocalDate, DayCounts> Days { get; } = [];

    public Dictionary<string, SlaTargetState> SlaTargets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> UsageNotes { get; } = new(StringComparer.Ordinal);

    public long OtherUsageNotes { get; set; }

    public DayCounts Day(LocalDate date)
    {
        if (!Days.TryGetValue(date, out var counts))
        {
            counts = new DayCounts();
            Days.Add(date, counts);
        }

        return counts;
    }

    public SlaTargetState Target(string target)
    {
        if (!SlaTargets.TryGetValue(target, out var state))
        {
            state = new SlaTargetState();
            SlaTargets.Add(target, state);
        }

        return state;
    }
}
