using CustomerCare.Kvp.Metrics;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerCare.Kvp.Tests.Metrics;

public class QuantileSketchTests
{
    [Fact]
    public void Quantile_Empty_IsNull()
    {
        var sketch = new QuantileSketch();

        Assert.Null(sketch.Quantile(0.5));
    }

    [Theory]
    [InlineData(new[] { 5.0 }, 0.5, 5.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.0)]
    [InlineData(new[] { 0.0, 0, 10 }, 0.5, 0.0)]
    [InlineData(new[] { 3.0, 1, 2 }, 1.0, 3.0)]
    [InlineData(new[] { 3.0, 1, 2 }, 0.0, 1.0)]
    public void Quantile_SmallSamples_MatchLowerNearestRank(double[] samples, double q, double expected)
    {
        var sketch = new QuantileSketch();
        foreach (var sample in samples)
        {
            sketch.Add(sample);
        }

        Assert.Equal(expected, sketch.Quantile(q)!.Value, expected * QuantileSketch.RelativeAccuracy);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Quantile_AgreesWithSortedSamples()
    {
        var samples = Gen.Choose(0, 2_000_000).Select(v => v / 10.0).ArrayOf().Where(a => a.Length > 0);
        var quantiles = Gen.Elements(0.0, 0.1, 0.5, 0.9, 0.99, 1.0);
        return Prop.ForAll(samples.ToArbitrary(), quantiles.ToArbitrary(), (values, q) =>
        {
            var sketch = new QuantileSketch();
            foreach (var value in values)
            {
                sketch.Add(value);
            }

            var sorted = values.Order().ToArray();
            var exact = sorted[(int)Math.Floor(q * (sorted.Length - 1))];
            var estimate = sketch.Quantile(q)!.Value;
            var tolerance = Math.Max(exact * QuantileSketch.RelativeAccuracy, QuantileSketch.MinimumValue) + 1e-9;
            return Math.Abs(estimate - exact) <= tolerance;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Merge_EqualsOneSketchOfBoth()
    {
        var samples = Gen.Choose(0, 100_000).Select(v => (double)v).ArrayOf();
        return Prop.ForAll(samples.ToArbitrary(), samples.ToArbitrary(), (left, right) =>
        {
            var merged = new QuantileSketch();
            var other = new QuantileSketch();
            var both = new QuantileSketch();
            foreach (var value in left)
            {
                merged.Add(value);
                both.Add(value);
            }

            foreach (var value in right)
            {
                other.Add(value);
                both.Add(value);
            }

            merged.Merge(other);
            return merged.Count == both.Count && merged.Quantile(0.5) == both.Quantile(0.5) && merged.Quantile(0.9) == both.Quantile(0.9);
        });
    }
}
