using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>
/// An event history replayed into the current cycle's running segments and target periods, with the breach of an
/// earlier cycle and the count of events that had no effect.
/// </summary>
internal sealed class ClockReplay
{
    private ClockReplay(SlaTarget target, Instant start)
    {
        CycleStart = start;
        Periods.Add(new TargetPeriod(start, target, RunState.Running));
        Segments.Add(new Segment(start, null));
    }

    public int Cycle { get; private set; } = 1;

    public Instant CycleStart { get; private set; }

    /// <summary>Gets the stretches in which the clock ran; the last has no end while it still runs.</summary>
    public List<Segment> Segments { get; } = [];

    /// <summary>Gets the targets of the current cycle in the order they took effect.</summary>
    public List<TargetPeriod> Periods { get; } = [];

    public RunState State { get; private set; } = RunState.Running;

    public Instant? PausedSince { get; private set; }

    public string? PauseReason { get; private set; }

    public Instant? StoppedAt { get; private set; }

    /// <summary>Gets the breach of a finished cycle; a breach is final for the clock.</summary>
    public Instant? EarlierBreach { get; private set; }

    public int Ignored { get; private set; }

    public SlaTarget Target => Periods[^1].Target;

    /// <summary>Replays the first <paramref name="count"/> events, which the clock has validated.</summary>
    public static ClockReplay Run(SlaEvent[] events, int count)
    {
        Guard.Invariant(count > 0 && events[0].Kind == SlaEventKind.Started);
        var replay = new ClockReplay(events[0].Target!, events[0].At);
        for (var i = 1; i < count; i++)
        {
            replay.Apply(events[i]);
        }

        return replay;
    }

    private void Apply(SlaEvent item)
    {
        var applied = (item.Kind, State) switch
        {
            (_, RunState.Cancelled) => false,
            (SlaEventKind.Started, _) => Restart(item),
            (SlaEventKind.Paused, RunState.Running) => Pause(item),
            (SlaEventKind.Resumed, RunState.Paused or RunState.Stopped) => Resume(item),
            (SlaEventKind.Stopped, RunState.Running or RunState.Paused) => Stop(item, RunState.Stopped),
            (SlaEventKind.Cancelled, _) => Stop(item, RunState.Cancelled),
            (SlaEventKind.TargetChanged, _) => ChangeTarget(item),
            _ => false,
        };

        if (!applied)
        {
            Ignored++;
        }
    }

    private bool Restart(SlaEvent item)
    {
        // The finished cycle ends at the restart. A breach found there stays, because a breach is final.
        CloseSegment(item.At);
        EarlierBreach ??= ClockMath.FindBreach(Periods, Segments, item.At, (false, null));
        Cycle++;
        CycleStart = item.At;
        Periods.Clear();
        Periods.Add(new TargetPeriod(item.At, item.Target!, RunState.Running));
        Segments.Clear();
        Segments.Add(new Segment(item.At, null));
        State = RunState.Running;
        PausedSince = null;
        PauseReason = null;
        StoppedAt = null;
        return true;
    }

    private bool Pause(SlaEvent item)
    {
        CloseSegment(item.At);
        State = RunState.Paused;
        PausedSince = item.At;
        PauseReason = item.Reason;
        return true;
    }

    private bool Resume(SlaEvent item)
    {
        Segments.Add(new Segment(item.At, null));
        State = RunState.Running;
        PausedSince = null;
        PauseReason = null;
        StoppedAt = null;
        return true;
    }

    private bool Stop(SlaEvent item, RunState state)
    {
        CloseSegment(item.At);
        State = state;
        StoppedAt = item.At;
        PausedSince = null;
        PauseReason = null;
        return true;
    }

    private bool ChangeTarget(SlaEvent item)
    {
        Periods.Add(new TargetPeriod(item.At, item.Target!, State));
        return true;
    }

    private void CloseSegment(Instant at)
    {
        if (State == RunState.Running)
        {
            Segments[^1] = Segments[^1] with { End = at };
        }
    }
}

/// <summary>Whether an SLA clock runs, before breaches are considered.</summary>
internal enum RunState
{
    Running,
    Paused,
    Stopped,
    Cancelled,
}

/// <summary>A stretch in which the clock ran; <see cref="End"/> is null while it still runs.</summary>
internal readonly record struct Segment(Instant Start, Instant? End);

/// <summary>A target and the instant it took effect, with the clock's state at that instant.</summary>
internal readonly record struct TargetPeriod(Instant From, SlaTarget Target, RunState StateAtChange);
