using BenchmarkDotNet.Attributes;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Benchmarks.Sla;

/// <summary>Evaluating a resolution clock with ten pauses on a Berlin office calendar, as a host does for every concern it shows.</summary>
[MemoryDiagnoser]
public class SlaClockBenchmarks
{
    private readonly Instant _now = Instant.FromUtc(2026, 3, 27, 15, 0);
    private SlaEvent[] _history = null!;
    private SlaClock _clock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var office = new BusinessCalendarBuilder("berlin-office", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("13:00-18:00"))
            .Build();
        var target = new SlaTarget(SlaTargetKind.Resolution, Duration.FromHours(40), office, [50, 75, 90]);

        // Started on Monday morning, then ten pauses of three hours every four hours of wall-clock time.
        var start = Instant.FromUtc(2026, 3, 23, 8, 0);
        var history = new List<SlaEvent> { SlaEvent.Started(start, target) };
        for (var i = 0; i < 10; i++)
        {
            var pause = start + Duration.FromHours(4 + i * 7);
            history.Add(SlaEvent.Paused(pause, "waiting-for-customer"));
            history.Add(SlaEvent.Resumed(pause + Duration.FromHours(3)));
        }

        _history = [.. history];
        _clock = new SlaClock(_history);
        _clock.Evaluate(_now);
    }

    [Benchmark(Description = "Evaluate, 10 pauses")]
    public SlaClockStatus EvaluateTenPauses() => _clock.Evaluate(_now);

    [Benchmark(Description = "new SlaClock(history) + Evaluate, 10 pauses")]
    public SlaClockStatus BuildAndEvaluateTenPauses() => new SlaClock(_history).Evaluate(_now);
}
