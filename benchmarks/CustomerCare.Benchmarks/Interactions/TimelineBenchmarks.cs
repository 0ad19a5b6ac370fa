using BenchmarkDotNet.Attributes;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Timeline;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Benchmarks.Interactions;

/// <summary>
/// A 50-item timeline page for one customer among one million interactions (10,000 customers with 100 each).
/// Goal: at most 20 µs. The baseline scans every interaction, sorts the customer's and takes 50, as a store without
/// a per-customer index would.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private readonly CustomerId _customer = InteractionData.Customer(4_242);
    private InMemoryInteractionStore _store = new();
    private Interaction[] _all = [];
    private TimelineQuery _firstPage = null!;
    private TimelineQuery _thirdPageOldestFirst = null!;
    private TimelineQuery _emailOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryInteractionStore();
        _all = [.. InteractionData.Create(1_000_000, customers: 10_000).Select(i => _store.RecordAsync(i).Completed().Interaction)];
        _firstPage = new TimelineQuery(_customer);
        var oldest = _store.GetTimelineAsync(new TimelineQuery(_customer) { Order = TimelineOrder.OldestFirst }).Completed();
        _thirdPageOldestFirst = new TimelineQuery(_customer) { Order = TimelineOrder.OldestFirst, PageSize = 25, ContinuationToken = oldest.ContinuationToken };
        _emailOnly = new TimelineQuery(_customer) { Channels = [Channel.Email] };
    }

    [Benchmark(Baseline = true)]
    public int NaiveScanAndSort() =>
        _all.Where(i => i.CustomerId == _customer).OrderByDescending(i => i.TimelineKey).Take(50).Count();

    [Benchmark]
    public int FirstPageNewestFirst() => _store.GetTimelineAsync(_firstPage).Completed().Items.Count;

    [Benchmark]
    public int PageAfterTokenOldestFirst() => _store.GetTimelineAsync(_thirdPageOldestFirst).Completed().Items.Count;

    [Benchmark]
    public int FirstPageFilteredByChannel() => _store.GetTimelineAsync(_emailOnly).Completed().Items.Count;
}
