using CustomerCare.Kvp.Effects;
using CustomerCare.Kvp.Metrics;
using NodaTime;

namespace CustomerCare.Kvp.Tests.Effects;

public class EffectCheckTests
{
    private static readonly Interval Before = new(History.Monday, History.Monday + Duration.FromDays(14));
    private static readonly Interval After = new(History.Monday + Duration.FromDays(21), History.Monday + Duration.FromDays(35));

    [Fact]
    public void CompareVolume_ThirtyPercentFewer_SignificantRatio()
    {
        var effect = EffectCheck.CompareVolume(Before, 400, After, 280);

        Assert.Equal(0.7, effect.Change!.Value, 10);
        Assert.True(effect.Upper < 1);
        Assert.True(effect.IsSignificant);
    }

    [Fact]
    public void CompareRates_SmallSamples_NotSignificant()
    {
        var effect = EffectCheck.CompareRates(ImprovementMetric.FirstContactResolution, Before, new Ratio(6, 10), After, new Ratio(7, 10));

        Assert.Equal(0.1, effect.Change!.Value, 10);
        Assert.True(effect.Lower < 0 && effect.Upper > 0.1);
        Assert.False(effect.IsSignificant);
    }

    [Fact]
    public void Wilson_KnownValue()
    {
        // Wilson score interval of 81 out of 263 at 95 %: 0.2553 to 0.3662.
        var (lower, upper) = EffectCheck.Wilson(81, 263);

        Assert.Equal(0.2553, lower, 3);
        Assert.Equal(0.3662, upper, 3);
    }

    [Fact]
    public void Compare_UnequalWindows_Throws()
    {
        var snapshot = new KvpMetricsAccumulator(new KvpMetricsOptions()).Snapshot(History.Monday);

        var error = Assert.Throws<ArgumentException>(() =>
            EffectCheck.Compare(ImprovementMetric.Csat, Before, snapshot, new Interval(After.Start, After.End + Duration.FromDays(1)), snapshot));

        Assert.Contains("equal length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NoData_ChangeIsNull()
    {
        var snapshot = new KvpMetricsAccumulator(new KvpMetricsOptions()).Snapshot(History.Monday);

        var effect = EffectCheck.Compare(ImprovementMetric.MeanFirstResolutionHours, Before, snapshot, After, snapshot);

        Assert.Null(effect.Change);
        Assert.False(effect.IsSignificant);
    }
}
