using NodaTime;

namespace CustomerCare.Sla.Clocks;

/// <summary>
/// Finds what falls due next across many SLA clocks, so a host can keep one timer instead of one per clock.
/// </summary>
/// <remarks>
/// When the timer fires, evaluate the clocks, act on the new warnings and breaches, and ask for the next due instant
/// again. A clock's due instants move only when its history changes, so schedule again after appending events too.
/// All members are thread-safe.
/// </remarks>
public static class SlaSchedule
{
    /// <summary>Returns the earliest warning or breach after <paramref name="now"/> among running clocks.</summary>
    /// <param name="clocks">The clocks; paused, finished and breached clocks have nothing due.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The next due item, or <see langword="null"/> when nothing is due; among items due at the same instant, the first clock's.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clocks"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="clocks"/> contains null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before a clock started.</exception>
    public static SlaDue? FindNextDue(IEnumerable<SlaClock> clocks, Instant now)
    {
        SlaDue? next = null;
        foreach (var clock in Guard.NoNullElements(clocks))
        {
            var status = clock.Evaluate(now);
            if (status.NextDueAt is not { } at || (next is { } earlier && earlier.At <= at))
            {
                continue;
            }

            next = at == status.NextWarningAt
                ? new SlaDue(clock, at, SlaDueKind.Warning, status.Target.WarningPercentages[status.WarningsPassed])
                : new SlaDue(clock, at, SlaDueKind.Breach, 0);
        }

        return next;
    }
}
