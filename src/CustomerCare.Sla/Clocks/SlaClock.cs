using System.Globalization;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>
/// An SLA clock, computed from its ordered event history: started, paused with a reason, resumed, stopped, cancelled
/// and target changed.
/// </summary>
/// <remarks>
/// <para>
/// The clock counts business time on its target's calendar while it runs. Pauses are removed in business time, so a
/// pause over a night or a weekend removes only the business hours it covers. The rules:
/// </para>
/// <list type="bullet">
/// <item><description>
/// The deadline is the first instant at which the target's duration of business time has run. The clock breaches at
/// that instant unless it stopped before; a stop at the deadline itself is too late. Time does not run while the clock
/// is paused, so it cannot breach during a pause.
/// </description></item>
/// <item><description>A breach is final: the clock stays breached after a later stop, restart or cancellation.</description></item>
/// <item><description>
/// A target change (for a priority or policy change) recomputes the clock from its start with the new target, replaying
/// every pause. When the new target is already used up at the change, the clock breaches at the change, also while
/// paused, or at the next resume when it had stopped.
/// </description></item>
/// <item><description>
/// A <see cref="SlaEventKind.Started"/> event on a started clock begins a new cycle from zero, as a next-response
/// target does at each customer message. A <see cref="SlaEventKind.Resumed"/> event after a stop reopens the cycle.
/// </description></item>
/// <item><description>
/// Events that cannot apply, such as a second pause while paused or anything after a cancellation, have no effect.
/// <see cref="SlaClockStatus.IgnoredEvents"/> counts them, so duplicates in the history show.
/// </description></item>
/// </list>
/// <para>This type is immutable and thread-safe when its targets' calendars are.</para>
/// </remarks>
public sealed class SlaClock
{
    private readonly SlaEvent[] _events;
    private readonly ClockReplay _replay;

    /// <summary>Initializes a clock from its history.</summary>
    /// <param name="history">The events in the order they happened, starting with <see cref="SlaEvent.Started(Instant, SlaTarget)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="history"/> is empty, does not start with a started event, contains <c>default(SlaEvent)</c>, is not
    /// ordered by instant, or changes to a target of another kind. The message names the event.
    /// </exception>
    public SlaClock(IEnumerable<SlaEvent> history)
    {
        _events = [.. Guard.NotNull(history)];
        Validate(_events, nameof(history));
        _replay = ClockReplay.Run(_events, _events.Length);
    }

    private SlaClock(SlaEvent[] events)
    {
        _events = events;
        _replay = ClockReplay.Run(events, events.Length);
    }

    /// <summary>Gets the history in order.</summary>
    public IReadOnlyList<SlaEvent> History => _events;

    /// <summary>Gets the target in effect after the last event.</summary>
    public SlaTarget Target => _replay.Target;

    /// <summary>Gets what the clock measures.</summary>
    public SlaTargetKind Kind => _events[0].Target!.Kind;

    /// <summary>Starts a clock.</summary>
    /// <param name="at">When the clock starts.</param>
    /// <param name="target">The target it measures.</param>
    /// <returns>A clock whose history is one started event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static SlaClock Start(Instant at, SlaTarget target) => new([SlaEvent.Started(at, target)]);

    /// <summary>Returns a clock with one more event in its history; this clock does not change.</summary>
    /// <param name="item">The event, not earlier than the last one.</param>
    /// <returns>The new clock.</returns>
    /// <exception cref="ArgumentException"><paramref name="item"/> is <c>default(SlaEvent)</c>, earlier than the last event, or changes to a target of another kind.</exception>
    public SlaClock Append(SlaEvent item)
    {
        SlaEvent[] events = [.. _events, item];
        Validate(events, nameof(item));
        return new SlaClock(events);
    }

    /// <summary>Returns the clock's state at <paramref name="now"/>, counting the events up to and including that instant.</summary>
    /// <param name="now">The instant to evaluate, usually the current time from the injected clock.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the clock started.</exception>
    /// <exception cref="Core.CustomerCareException">A target's calendar has no business time within its search horizon.</exception>
    public SlaClockStatus Evaluate(Instant now)
    {
        var replay = Replay(now);
        var target = replay.Target;
        var calendar = target.Calendar;
        var segments = replay.Segments;

        // Each segment's business time is measured once and reused for the elapsed time, the deadline and the warnings.
        var available = segments.Count <= 64 ? stackalloc Duration[segments.Count] : new Duration[segments.Count];
        var elapsed = ClockMath.MeasureSegments(calendar, segments, now, available);
        var deadline = ClockMath.ReachedAt(calendar, target.Duration, segments, available);
        var breachedAt = replay.EarlierBreach ?? ClockMath.FindBreach(replay.Periods, segments, now, (true, deadline));

        var state = (replay.State, breachedAt) switch
        {
            (_, not null) => SlaClockState.Breached,
            (RunState.Cancelled, _) => SlaClockState.Cancelled,
            (RunState.Stopped, _) => SlaClockState.Met,
            (RunState.Paused, _) => SlaClockState.Paused,
            _ => SlaClockState.Running,
        };

        var warningsPassed = 0;
        Instant? nextWarning = null;
        foreach (var percentage in target.WarningPercentages)
        {
            var amount = target.GetWarningAmount(percentage);
            if (elapsed >= amount)
            {
                warningsPassed++;
            }
            else if (nextWarning is null && state == SlaClockState.Running)
            {
                nextWarning = ClockMath.ReachedAt(calendar, amount, segments, available);
            }
        }

        return new SlaClockStatus
        {
            State = state,
            Target = target,
            EvaluatedAt = now,
            StartedAt = replay.CycleStart,
            Cycle = replay.Cycle,
            Elapsed = elapsed,
            Remaining = Duration.Max(Duration.Zero, target.Duration - elapsed),
            PausedTime = calendar.BusinessTimeBetween(replay.CycleStart, now) - elapsed,
            Deadline = state == SlaClockState.Cancelled ? null : deadline,
            BreachedAt = breachedAt,
            MetAt = state == SlaClockState.Met ? replay.StoppedAt : null,
            PausedSince = state == SlaClockState.Paused ? replay.PausedSince : null,
            PauseReason = state == SlaClockState.Paused ? replay.PauseReason : null,
            WarningsPassed = warningsPassed,
            NextWarningAt = nextWarning,
            NextDueAt = state == SlaClockState.Running ? nextWarning ?? deadline : null,
            IgnoredEvents = replay.Ignored,
        };
    }

    /// <summary>Returns the clock's kind and its last event.</summary>
    /// <returns>Text such as <c>resolution clock, last Paused at 2026-01-05T10:00:00Z (waiting-for-customer)</c>.</returns>
    public override string ToString() => $"{Kind} clock, last {_events[^1]}";

    private ClockReplay Replay(Instant now)
    {
        if (now >= _events[^1].At)
        {
            return _replay;
        }

        if (now < _events[0].At)
        {
            throw new ArgumentOutOfRangeException(
                nameof(now),
                now,
                $"The clock started at {CalendarText.Format(_events[0].At)}, after {CalendarText.Format(now)}. Evaluate it at or after its start.");
        }

        var count = 1;
        while (count < _events.Length && _events[count].At <= now)
        {
            count++;
        }

        return ClockReplay.Run(_events, count);
    }

    private static void Validate(SlaEvent[] events, string paramName)
    {
        if (events.Length == 0)
        {
            throw new ArgumentException("The history is empty. A clock's history starts with SlaEvent.Started.", paramName);
        }

        for (var i = 0; i < events.Length; i++)
        {
            var item = events[i];
            if (!Enum.IsDefined(item.Kind) || (item.Kind is SlaEventKind.Started or SlaEventKind.TargetChanged && item.Target is null))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Event {i} is default(SlaEvent). Create events with the SlaEvent factory methods, such as SlaEvent.Started."),
                    paramName);
            }

            if (i == 0 && item.Kind != SlaEventKind.Started)
            {
                throw new ArgumentException($"Event 0 is {item}, but a clock's history starts with SlaEvent.Started.", paramName);
            }

            if (i > 0 && item.At < events[i - 1].At)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Event {i} ({item}) is earlier than event {i - 1} ({events[i - 1]}). Order the history by instant."),
                    paramName);
            }

            if (item.Target is { } target && target.Kind != events[0].Target!.Kind)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Event {i} ({item}) has a {target.Kind} target, but the clock measures {events[0].Target!.Kind}. Start a separate clock for each kind of target."),
                    paramName);
            }
        }
    }
}
