using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Kvp.Signals;
using NodaTime;

namespace CustomerCare.Kvp.Tests.Signals;

public class SignalDetectorTests
{
    private readonly History _history = new();

    [Fact]
    public void Detect_VolumeDoubles_RaisesRiseSignal()
    {
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        for (var day = 0; day < 35; day++)
        {
            var perDay = day < 28 ? 3 : 9;
            for (var i = 0; i < perDay; i++)
            {
                metrics.Add(History.Opened(_history.NewConcern(), (day * 24) + i, reason: "billing/refund"));
                metrics.Add(History.Opened(_history.NewConcern(), (day * 24) + i, reason: "delivery/late"));
            }
        }

        var snapshot = metrics.Snapshot(History.At((34 * 24) + 12));
        var signals = new SignalDetector().Detect(snapshot);

        var signal = Assert.Single(signals, s => s.Kind == SignalKind.ContactReasonVolumeRise && s.Subject == "billing/refund");
        Assert.Equal(63, signal.Current);
        Assert.Equal(21, signal.Baseline);
        Assert.True(signal.PValue < 1e-6);
        Assert.Equal(2, IdeaEvidenceKindCount(signal));
    }

    [Fact]
    public void Detect_SteadyVolume_NoSignal()
    {
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        for (var day = 0; day < 35; day++)
        {
            for (var i = 0; i < 5; i++)
            {
                metrics.Add(History.Opened(_history.NewConcern(), (day * 24) + i));
            }
        }

        var signals = new SignalDetector().Detect(metrics.Snapshot(History.At((34 * 24) + 12)));

        Assert.Empty(signals);
    }

    [Fact]
    public void Detect_SlaAttainmentFalls_RaisesDropSignal()
    {
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        for (var day = 0; day < 35; day++)
        {
            for (var i = 0; i < 10; i++)
            {
                var concern = _history.NewConcern();
                metrics.Add(History.Opened(concern, (day * 24) + i));
                var met = day < 28 ? i < 9 : i < 5;
                metrics.Add(new SlaOutcomeRecord(concern, "resolution", met ? SlaOutcome.Met : SlaOutcome.Breached, History.At((day * 24) + i + 1)));
            }
        }

        var signals = new SignalDetector().Detect(metrics.Snapshot(History.At((34 * 24) + 12)));

        var signal = Assert.Single(signals, s => s.Kind == SignalKind.SlaAttainmentDrop);
        Assert.Equal("resolution", signal.Subject);
        Assert.Equal(0.5, signal.Current, 10);
        Assert.Equal(0.9, signal.Baseline!.Value, 10);
    }

    [Theory]
    [InlineData(3, 10, 0.5)]
    [InlineData(0, 5, 0.3)]
    [InlineData(7, 7, 0.2)]
    [InlineData(12, 40, 0.2)]
    public void BinomialUpperTail_MatchesDirectSum(long k, long n, double p)
    {
        double expected = 0;
        for (var i = k; i <= n; i++)
        {
            expected += Choose(n, i) * Math.Pow(p, i) * Math.Pow(1 - p, n - i);
        }

        Assert.Equal(expected, SignalStatistics.BinomialUpperTail(k, n, p), 9);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var error = Assert.Throws<CustomerCareValidationException>(() => new SignalDetector(new SignalOptions { WindowDays = 0, SignificanceLevel = 2 }));

        Assert.Equal(2, error.Errors.Count);
    }

    private static int IdeaEvidenceKindCount(ImprovementSignal signal) =>
        signal.ToIdea(new CustomerCare.Kvp.Ideas.IdeaId(new Guid("00000000-0000-7000-8000-000000000001")), History.Monday).Evidence.Length;

    private static double Choose(long n, long k)
    {
        double result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
