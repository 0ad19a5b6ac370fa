using NodaTime;

namespace CustomerCare.Sop;

/// <summary>Settings of the guards of <see cref="DefaultLifecycle"/>.</summary>
public sealed class DefaultLifecycleOptions
{
    /// <summary>
    /// Gets or sets how long after resolution a concern may be reopened, in elapsed time. Default 14 days. The
    /// auto-close timer (3 business days after resolution) usually closes the concern earlier, and a closed concern
    /// cannot be reopened.
    /// </summary>
    public Duration ReopenWindow { get; set; } = Duration.FromDays(14);
}
