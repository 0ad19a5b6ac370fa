using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>The next thing due for a set of SLA clocks: which clock, when, and whether it is a warning or the breach.</summary>
/// <param name="Clock">The clock that something falls due for.</param>
/// <param name="At">When it falls due.</param>
/// <param name="Kind">Whether a warning or the breach falls due.</param>
/// <param name="WarningPercentage">The percentage of the warning, such as 75; 0 for a breach.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SlaDue(SlaClock Clock, Instant At, SlaDueKind Kind, int WarningPercentage);
