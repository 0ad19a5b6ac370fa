namespace CustomerCare.SelfService;

/// <summary>Counts of accepted self-service answers by their deflection outcome.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Deflected">Answers that count as deflections.</param>
/// <param name="Failed">Answers followed by a new contact about the same concern within the window.</param>
/// <param name="Pending">Answers whose window is still open.</param>
public readonly record struct DeflectionSummary(int Deflected, int Failed, int Pending)
{
    /// <summary>Gets the share of decided answers that count as deflections, or <see langword="null"/> when none is decided yet.</summary>
    public double? Rate => Deflected + Failed == 0 ? null : Deflected / (double)(Deflected + Failed);
}
