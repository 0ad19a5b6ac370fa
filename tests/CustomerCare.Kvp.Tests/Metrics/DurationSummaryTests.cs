using CustomerCare.Kvp.Metrics;
using NodaTime;

namespace CustomerCare.Kvp.Tests.Metrics;

public class DurationSummaryTests
{
    [Fact]
    public void From_Samples_MeanAndDeviationExact()
    {
        var sketch = new QuantileSketch();
        foreach (var seconds in new[] { 60.0, 120, 180 })
        {
            sketch.Add(seconds);
        }

        var summary = DurationSummary.From(sketch);

        Assert.Equal(3, summary.Count);
        Assert.Equal(Duration.FromMinutes(2), summary.Mean);
        Assert.Equal(Duration.FromMinutes(1), summary.StandardDeviation);
        Assert.Equal(120, summary.Median!.Value.TotalSeconds, 120 * QuantileSketch.RelativeAccuracy);
    }

    [Fact]
    public void From_OneSample_HasNoDeviation()
    {
        var sketch = new QuantileSketch();
        sketch.Add(5);

        var summary = DurationSummary.From(sketch);

        Assert.Null(summary.StandardDeviation);
        Assert.Equal(Duration.FromSeconds(5), summary.P90);
    }
}
