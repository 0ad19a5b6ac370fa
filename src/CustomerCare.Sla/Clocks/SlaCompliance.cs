using CustomerCare.Sla.Policies;

namespace CustomerCare.Sla.Clocks;

/// <summary>Measures SLA attainment: per kind of target, the share of clocks that kept the promise.</summary>
/// <remarks>All members are thread-safe.</remarks>
public static class SlaCompliance
{
    /// <summary>Returns the compliance per kind of target over evaluated clocks.</summary>
    /// <param name="statuses">The clocks' statuses, usually all evaluated at the same instant.</param>
    /// <returns>One entry per kind of target, ordered by kind name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="statuses"/> contains null.</exception>
    public static IReadOnlyList<SlaTargetCompliance> Measure(IEnumerable<SlaClockStatus> statuses)
    {
        var counts = new SortedDictionary<SlaTargetKind, int[]>();
        foreach (var status in Guard.NoNullElements(statuses))
        {
            if (!counts.TryGetValue(status.Target.Kind, out var count))
            {
                counts.Add(status.Target.Kind, count = new int[4]);
            }

            var slot = status.State switch
            {
                SlaClockState.Met => 0,
                SlaClockState.Breached => 1,
                SlaClockState.Cancelled => 3,
                _ => 2,
            };
            count[slot]++;
        }

        return [.. counts.Select(pair => new SlaTargetCompliance(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3]))];
    }
}
