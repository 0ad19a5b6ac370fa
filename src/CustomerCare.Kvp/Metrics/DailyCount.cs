using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>A count on one local date.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Date">The local date in the metrics' time zone.</param>
/// <param name="Count">The count.</param>
public readonly record struct DailyCount(LocalDate Date, long Count);
