using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>The simulated "now": the service desk reads it, and the simulation moves it forward event by event.</summary>
internal sealed class SimulationClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public Instant Now => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public Instant GetCurrentInstant() => Now;

    /// <summary>Moves the clock to <paramref name="instant"/>; an earlier instant leaves it where it is, so time
    /// never runs backwards.</summary>
    public void AdvanceTo(Instant instant)
    {
        var target = instant.ToUnixTimeTicks();
        long current;
        do
        {
            current = Interlocked.Read(ref _ticks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _ticks, target, current) != current);
    }
}
