using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>One entry of an SLA clock's history: what happened and when.</summary>
/// <remarks>
/// Create events with the factory methods, such as <see cref="Paused(Instant, string?)"/>. <c>default(SlaEvent)</c> has
/// no kind and is rejected by <see cref="SlaClock"/>. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct SlaEvent
{
    private SlaEvent(SlaEventKind kind, Instant at, SlaTarget? target, string? reason)
    {
        Kind = kind;
        At = at;
        Target = target;
        Reason = reason;
    }

    /// <summary>Gets what happened.</summary>
    public SlaEventKind Kind { get; }

    /// <summary>Gets when it happened.</summary>
    public Instant At { get; }

    /// <summary>Gets the target of a <see cref="SlaEventKind.Started"/> or <see cref="SlaEventKind.TargetChanged"/> event; otherwise <see langword="null"/>.</summary>
    public SlaTarget? Target { get; }

    /// <summary>Gets the reason of a <see cref="SlaEventKind.Paused"/> event, such as <c>waiting-for-customer</c>; otherwise <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Creates the event that starts a clock, or starts a new cycle of a running one.</summary>
    /// <param name="at">When the clock started.</param>
    /// <param name="target">The target the clock measures.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static SlaEvent Started(Instant at, SlaTarget target) => new(SlaEventKind.Started, at, Guard.NotNull(target), null);

    /// <summary>Creates the event that pauses a clock.</summary>
    /// <param name="at">When the clock paused.</param>
    /// <param name="reason">Why, such as <c>waiting-for-customer</c>; optional.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or only white space.</exception>
    public static SlaEvent Paused(Instant at, string? reason = null) =>
        new(SlaEventKind.Paused, at, null, reason is null ? null : Guard.NotNullOrWhiteSpace(reason).Trim());

    /// <summary>Creates the event that resumes a paused clock, or reopens a stopped one.</summary>
    /// <param name="at">When the clock resumed.</param>
    /// <returns>The event.</returns>
    public static SlaEvent Resumed(Instant at) => new(SlaEventKind.Resumed, at, null, null);

    /// <summary>Creates the event that stops a clock because the promise was kept.</summary>
    /// <param name="at">When the response was sent or the concern resolved.</param>
    /// <returns>The event.</returns>
    public static SlaEvent Stopped(Instant at) => new(SlaEventKind.Stopped, at, null, null);

    /// <summary>Creates the event that cancels a clock.</summary>
    /// <param name="at">When the promise stopped applying.</param>
    /// <returns>The event.</returns>
    public static SlaEvent Cancelled(Instant at) => new(SlaEventKind.Cancelled, at, null, null);

    /// <summary>Creates the event that changes a clock's target, such as after a priority change.</summary>
    /// <param name="at">When the target changed.</param>
    /// <param name="target">The new target, of the same kind as the clock's.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static SlaEvent TargetChanged(Instant at, SlaTarget target) => new(SlaEventKind.TargetChanged, at, Guard.NotNull(target), null);

    /// <summary>Returns the event as text, such as <c>Paused at 2026-01-05T10:00:00Z (waiting-for-customer)</c>.</summary>
    /// <returns>The kind, the instant, and the target or reason.</returns>
    public override string ToString()
    {
        var text = $"{Kind} at {CalendarText.Format(At)}";
        if (Target is not null)
        {
            return text + $" ({Target})";
        }

        return Reason is null ? text : text + $" ({Reason})";
    }
}
