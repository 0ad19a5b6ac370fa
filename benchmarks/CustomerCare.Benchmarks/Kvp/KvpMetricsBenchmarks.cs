using BenchmarkDotNet.Attributes;
using CustomerCare.Core;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Samples.Importers;
using NodaTime;

namespace CustomerCare.Benchmarks.Kvp;

/// <summary>
/// Every improvement metric over 1,000,000 interactions and 200,000 concerns in one pass, with and without business
/// time. The goal is at most 1 s on one thread and at most 200 MB peak memory.
/// </summary>
[MemoryDiagnoser]
public class KvpMetricsBenchmarks
{
    private SyntheticHistory _history = null!;

    [GlobalSetup]
    public void Setup() => _history = new SyntheticHistory();

    [Benchmark(Baseline = true, Description = "All metrics, calendar time only")]
    public KvpMetricsSnapshot CalendarOnly() => Run(_history, businessTime: false);

    [Benchmark(Description = "All metrics, calendar and business time")]
    public KvpMetricsSnapshot CalendarAndBusiness() => Run(_history, businessTime: true);

    internal static KvpMetricsSnapshot Run(SyntheticHistory history, bool businessTime)
    {
        var costs = new CostModel { CostPerAutomatedContact = 0.4m }
            .SetCostPerHandledMinute(CompetenceLevel.FirstLevel, 1m)
            .SetCostPerHandledMinute(CompetenceLevel.SecondLevel, 1.5m);
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions
        {
            BusinessCalendar = businessTime ? new WeekdayOfficeHoursCalendar(DateTimeZoneProviders.Tzdb["Europe/Berlin"]) : null,
            CostModel = costs,
        });
        history.FeedTo(metrics);
        return metrics.Snapshot(history.End.Plus(Duration.FromDays(8)));
    }
}
