namespace CustomerCare.SelfService.Tests.Confidence;

public class ConfidenceCalibrationTests
{
    [Fact]
    public void Fit_RecoversSeparation()
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 2000).Select(_ =>
        {
            var margin = random.NextDouble();
            var strength = random.NextDouble();
            var p = 1 / (1 + Math.Exp(-(-4 + (6 * margin) + (2 * strength))));
            return new CalibrationSample(new MatchSignals(margin, strength), random.NextDouble() < p);
        }).ToArray();

        var calibration = ConfidenceCalibration.Fit(samples, regularization: 0);

        Assert.InRange(calibration.Intercept, -5, -3);
        Assert.InRange(calibration.MarginWeight, 5, 7);
        Assert.InRange(calibration.StrengthWeight, 1, 3);
    }

    [Fact]
    public void Fit_PerfectlySeparable_StaysFinite()
    {
        var samples = Enumerable.Range(0, 40)
            .Select(i => new CalibrationSample(new MatchSignals(i / 40.0, 0.5), i >= 20))
            .ToArray();

        var calibration = ConfidenceCalibration.Fit(samples);

        Assert.True(double.IsFinite(calibration.MarginWeight));
        Assert.True(calibration.Apply(new MatchSignals(1, 0.5)) > 0.9);
        Assert.True(calibration.Apply(new MatchSignals(0, 0.5)) < 0.1);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(20, 0)]
    [InlineData(20, 20)]
    public void Fit_TooLittleData_Throws(int count, int correct)
    {
        var samples = Enumerable.Range(0, count).Select(i => new CalibrationSample(new MatchSignals(0.5, 0.5), i < correct));

        var exception = Assert.Throws<ArgumentException>(() => ConfidenceCalibration.Fit(samples));

        Assert.Contains("Label more queries", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_IsMonotoneInBothSignals()
    {
        var calibration = ConfidenceCalibration.Uncalibrated;

        Assert.True(calibration.Apply(new MatchSignals(0.8, 0.5)) > calibration.Apply(new MatchSignals(0.2, 0.5)));
        Assert.True(calibration.Apply(new MatchSignals(0.5, 0.9)) > calibration.Apply(new MatchSignals(0.5, 0.1)));
        Assert.InRange(calibration.Apply(new MatchSignals(1, 1)), 0.9, 1);
        Assert.InRange(calibration.Apply(new MatchSignals(0, 0)), 0, 0.1);
    }

    [Fact]
    public void Constructor_NotFinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceCalibration(double.NaN, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceCalibration(0, double.PositiveInfinity, 1));
    }

    [Fact]
    public void CollectSamples_MarksCorrectTopIntent()
    {
        var matcher = Bm25KnowledgeMatcher.Build(Articles.Banking());
        LabelledQuery[] queries =
        [
            new("my card was stolen", Core.ContactReason.Parse("cards/lost")),
            new("my card was stolen", Core.ContactReason.Parse("account/close")),
            new("zebra", Core.ContactReason.Parse("account/close")),
        ];

        var samples = ConfidenceCalibration.CollectSamples(matcher, queries);

        Assert.Equal([true, false, false], samples.Select(s => s.Correct));
        Assert.Equal(default, samples[2].Signals);
    }
}
