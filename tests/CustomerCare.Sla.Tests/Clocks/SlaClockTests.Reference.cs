using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.Sla.Tests.Calendars;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerCare.Sla.Tests.Clocks;

/// <summary>Clocks with random pauses and stops on random calendars, against minute stepping.</summary>
public partial class SlaClockTests
{
    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public void Evaluate_AgreesWithMinuteStepping(CalendarArbitraries.CalendarCase @case)
    {
        var random = new Random(@case.Seed);
        var start = @case.Instants[0];
        var amount = @case.Amounts.FirstOrDefault(a => a > Duration.Zero, Duration.FromMinutes(90));
        var changes = new List<(Instant At, SlaEventKind Kind)>();
        var at = start;
        var running = true;
        for (var i = random.Next(8); i > 0; i--)
        {
            at += Duration.FromMinutes(random.Next(1, 2 * 1440));
            changes.Add((at, running ? SlaEventKind.Paused : SlaEventKind.Resumed));
            running = !running;
        }

        if (random.Next(3) == 0)
        {
            at += Duration.FromMinutes(random.Next(1, 1440));
            changes.Add((at, SlaEventKind.Stopped));
        }

        // Often the target is exactly the business time before the first pause or stop, so the deadline falls on it.
        if (changes.Count > 0 && random.Next(3) == 0 && @case.Reference.BusinessTimeBetween(start, changes[0].At) is { } first && first > Duration.Zero)
        {
            amount = first;
        }

        var target = new SlaTarget(SlaTargetKind.Resolution, amount, @case.Calendar, [50]);
        var events = new List<SlaEvent> { SlaEvent.Started(start, target) };
        events.AddRange(changes.Select(change => change.Kind switch
        {
            SlaEventKind.Paused => SlaEvent.Paused(change.At),
            SlaEventKind.Resumed => SlaEvent.Resumed(change.At),
            _ => SlaEvent.Stopped(change.At),
        }));

        var now = start + Duration.FromMinutes(random.Next(0, (int)(at - start).TotalMinutes + 3 * 1440));
        var clock = new SlaClock(events);

        var status = clock.Evaluate(now);

        var known = events.Where(e => e.At <= now).ToList();
        var expected = Step(@case, known, now, (long)amount.TotalMinutes);
        Assert.Equal(expected.Elapsed, status.Elapsed);
        Assert.Equal(expected.Deadline, status.Deadline);
        var breached = expected.Deadline is { } deadline && deadline <= now;
        Assert.Equal(breached ? expected.Deadline : null, status.BreachedAt);
        var state = known[^1].Kind switch
        {
            _ when breached => SlaClockState.Breached,
            SlaEventKind.Stopped => SlaClockState.Met,
            SlaEventKind.Paused => SlaClockState.Paused,
            _ => SlaClockState.Running,
        };
        Assert.Equal(state, status.State);
    }

    /// <summary>Counts running business minutes one by one; the deadline is the end of the minute that uses up the target.</summary>
    private static (Duration Elapsed, Instant? Deadline) Step(CalendarArbitraries.CalendarCase @case, List<SlaEvent> events, Instant now, long targetMinutes)
    {
        var minute = Duration.FromMinutes(1);
        var elapsed = 0L;
        var used = 0L;
        Instant? deadline = null;
        var last = events[^1];
        var runsOn = last.Kind is SlaEventKind.Started or SlaEventKind.Resumed;
        for (var t = events[0].At; ; t += minute)
        {
            if (t >= now && (deadline is not null || (!runsOn && t >= last.At)))
            {
                break;
            }

            var running = events.Last(e => e.At <= t).Kind is SlaEventKind.Started or SlaEventKind.Resumed;
            if (!running || !@case.Reference.IsBusinessTime(t))
            {
                continue;
            }

            if (t < now)
            {
                elapsed++;
            }

            if (++used == targetMinutes && deadline is null)
            {
                deadline = t + minute;
            }
        }

        return (Duration.FromMinutes(elapsed), deadline);
    }
}
