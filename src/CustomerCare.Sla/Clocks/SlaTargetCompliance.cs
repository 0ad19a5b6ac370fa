using CustomerCare.Sla.Policies;

namespace CustomerCare.Sla.Clocks;

/// <summary>How well one kind of target was kept over a set of clocks.</summary>
/// <param name="Kind">The kind of target, such as first response.</param>
/// <param name="Met">The clocks that stopped in time.</param>
/// <param name="Breached">The clocks that breached, finished or not: a breach is final.</param>
/// <param name="Unfinished">The clocks still running or paused without a breach; they are left out of the attainment.</param>
/// <param name="Cancelled">The cancelled clocks; they are left out of the attainment.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SlaTargetCompliance(SlaTargetKind Kind, int Met, int Breached, int Unfinished, int Cancelled)
{
    /// <summary>Gets the share of met clocks among met and breached ones, from 0 to 1, or <see langword="null"/> when there are none.</summary>
    public double? Attainment => Met + Breached == 0 ? null : (double)Met / (Met + Breached);
}
