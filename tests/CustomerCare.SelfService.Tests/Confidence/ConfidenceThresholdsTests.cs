using CustomerCare.Core;

namespace CustomerCare.SelfService.Tests.Confidence;

public class ConfidenceThresholdsTests
{
    [Theory]
    [InlineData(0.95, ConfidenceBand.Answer)]
    [InlineData(0.9, ConfidenceBand.Answer)]
    [InlineData(0.89, ConfidenceBand.Suggest)]
    [InlineData(0.3, ConfidenceBand.Suggest)]
    [InlineData(0.29, ConfidenceBand.HandOff)]
    [InlineData(0, ConfidenceBand.HandOff)]
    public void Classify_SplitsIntoThreeBands(double confidence, ConfidenceBand expected)
    {
        Assert.Equal(expected, new ConfidenceThresholds(0.9, 0.3).Classify(confidence));
    }

    [Theory]
    [InlineData(1.1, 0.3)]
    [InlineData(0.5, 0.6)]
    [InlineData(0.5, -0.1)]
    [InlineData(double.NaN, 0.1)]
    public void Constructor_OutOfRange_Throws(double answer, double suggest)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceThresholds(answer, suggest));
    }

    [Fact]
    public void ForTargetPrecision_PicksLowestThresholdMeetingTarget()
    {
        // Margins 0.00 to 0.99: right from 0.50 up, except one wrong at 0.80. Down to 0.50 the answered set has
        // 49 of 50 right (98 %); one more step adds a wrong one (49 of 51, 96 %).
        var samples = Enumerable.Range(0, 100)
            .Select(i => new CalibrationSample(new MatchSignals(i / 100.0, 0), i >= 50 && i != 80))
            .ToArray();

        var thresholds = ConfidenceThresholds.ForTargetPrecision(samples, Logit, 0.97, 0.3);

        Assert.Equal(Logit.Apply(new MatchSignals(0.5, 0)), thresholds.Answer, 9);
        Assert.Equal(0.3, thresholds.Suggest);
    }

    [Fact]
    public void ForTargetPrecision_Unreachable_AnswersNothing()
    {
        var samples = Enumerable.Range(0, 20).Select(i => new CalibrationSample(new MatchSignals(i / 20.0, 0), false));

        var thresholds = ConfidenceThresholds.ForTargetPrecision(samples, Logit, 0.97, 0.3);

        Assert.Equal(1, thresholds.Answer);
    }

    [Fact]
    public void Policy_MostSpecificOverrideWins()
    {
        var strict = new ConfidenceThresholds(0.99, 0.5);
        var lenient = new ConfidenceThresholds(0.7, 0.2);
        var policy = new ConfidencePolicy(ConfidenceThresholds.Default, new Dictionary<ContactReason, ConfidenceThresholds>
        {
            [ContactReason.Parse("billing")] = strict,
            [ContactReason.Parse("billing/invoice-copy")] = lenient,
        });

        Assert.Equal(strict, policy.For(ContactReason.Parse("billing/refund")));
        Assert.Equal(lenient, policy.For(ContactReason.Parse("billing/invoice-copy/pdf")));
        Assert.Equal(ConfidenceThresholds.Default, policy.For(ContactReason.Parse("cards")));
    }

    [Fact]
    public void Policy_Classify_NoCandidates_HandsOff()
    {
        Assert.Equal(ConfidenceBand.HandOff, ConfidencePolicy.Default.Classify(MatchResult.None));
    }

    /// <summary>A calibration whose confidence rises with the margin and is 0.5 at margin 0.5.</summary>
    private static ConfidenceCalibration Logit => new(-5, 10, 0);
}
