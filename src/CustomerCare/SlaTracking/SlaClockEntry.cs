using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.SlaTracking;

/// <summary>One event of one SLA clock, such as "first-response started at 09:00".</summary>
/// <param name="Target">The kind of target whose clock the event belongs to.</param>
/// <param name="Kind">What happened to the clock.</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">Why, for a pause, such as <c>waiting-for-customer</c>; otherwise null.</param>
public readonly record struct SlaClockEntry(SlaTargetKind Target, SlaEventKind Kind, Instant At, string? Reason = null);
