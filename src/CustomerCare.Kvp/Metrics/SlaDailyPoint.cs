using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The SLA outcomes of one target decided on one local date.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Date">The local date in the metrics' time zone.</param>
/// <param name="Met">Targets met on the day.</param>
/// <param name="Breached">Targets breached on the day.</param>
public readonly record struct SlaDailyPoint(LocalDate Date, long Met, long Breached)
{
    /// <summary>Gets the attainment of the day: met ÷ (met + breached).</summary>
    public Ratio Attainment => new(Met, Met + Breached);
}
