using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>
/// The state of an SLA clock at one instant, <see cref="EvaluatedAt"/>: how much business time is used, what is left,
/// when it runs out and what is due next.
/// </summary>
/// <remarks>
/// Times refer to the current cycle (the last <see cref="SlaEventKind.Started"/> event) and are measured on the
/// calendar of the current <see cref="Target"/>, from the cycle's start with every pause removed. This type is
/// immutable and thread-safe.
/// </remarks>
public sealed record SlaClockStatus
{
    /// <summary>Gets the state at <see cref="EvaluatedAt"/>.</summary>
    public required SlaClockState State { get; init; }

    /// <summary>Gets the target in effect at <see cref="EvaluatedAt"/>.</summary>
    public required SlaTarget Target { get; init; }

    /// <summary>Gets the instant the status describes.</summary>
    public required Instant EvaluatedAt { get; init; }

    /// <summary>Gets when the current cycle started.</summary>
    public required Instant StartedAt { get; init; }

    /// <summary>Gets the number of the current cycle, 1 for a clock that never restarted.</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>Gets the business time used in the current cycle: business time while the clock ran.</summary>
    public Duration Elapsed { get; init; }

    /// <summary>Gets the business time left before the target is used up; zero once it is.</summary>
    public Duration Remaining { get; init; }

    /// <summary>Gets the business time since the cycle started during which the clock was paused or stopped.</summary>
    public Duration PausedTime { get; init; }

    /// <summary>
    /// Gets the instant at which the target is used up: projected for a running clock, in the past for a breached one,
    /// and <see langword="null"/> when the clock is paused, stopped or cancelled with time left.
    /// </summary>
    public Instant? Deadline { get; init; }

    /// <summary>Gets when the clock breached, in this cycle or an earlier one; <see langword="null"/> when it never did.</summary>
    public Instant? BreachedAt { get; init; }

    /// <summary>Gets when the clock stopped with the promise kept, for a <see cref="SlaClockState.Met"/> clock.</summary>
    public Instant? MetAt { get; init; }

    /// <summary>Gets when the current pause began, for a <see cref="SlaClockState.Paused"/> clock.</summary>
    public Instant? PausedSince { get; init; }

    /// <summary>Gets the reason of the current pause, when it has one.</summary>
    public string? PauseReason { get; init; }

    /// <summary>Gets how many of the target's warning thresholds the used business time has reached.</summary>
    public int WarningsPassed { get; init; }

    /// <summary>Gets when the next warning is due, for a running clock that has one left.</summary>
    public Instant? NextWarningAt { get; init; }

    /// <summary>Gets the next instant at which something is due, a warning or the breach; <see langword="null"/> unless the clock runs and has not breached.</summary>
    public Instant? NextDueAt { get; init; }

    /// <summary>Gets how many events of the history had no effect, such as a second pause while paused or anything after a cancellation.</summary>
    public int IgnoredEvents { get; init; }

    /// <summary>Gets whether the clock has a final result: met, breached or cancelled.</summary>
    public bool IsFinished => State is SlaClockState.Met or SlaClockState.Breached or SlaClockState.Cancelled;
}
