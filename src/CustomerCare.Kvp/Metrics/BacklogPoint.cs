using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>One day of the backlog time series.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Date">The local date in the metrics' time zone.</param>
/// <param name="Created">Concerns opened on the day.</param>
/// <param name="Resolved">Concerns that became resolved on the day, including closes without a resolution first.</param>
/// <param name="Reopened">Resolved concerns that became unresolved again on the day.</param>
/// <param name="Open">Unresolved concerns at the end of the day: the running sum of created plus reopened minus resolved.</param>
public readonly record struct BacklogPoint(LocalDate Date, long Created, long Resolved, long Reopened, long Open)
{
    /// <summary>Gets the net flow of the day: created minus resolved.</summary>
    public long NetFlow => Created - Resolved;
}
