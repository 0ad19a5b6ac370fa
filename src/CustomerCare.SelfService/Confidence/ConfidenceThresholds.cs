using System.Globalization;

namespace CustomerCare.SelfService;

/// <summary>
/// The two confidence thresholds that split matches into three bands: at or above <see cref="Answer"/> self-service
/// answers automatically, at or above <see cref="Suggest"/> it suggests up to three articles, below it hands off.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ConfidenceThresholds
{
    /// <summary>Initializes new thresholds.</summary>
    /// <param name="answer">The lowest confidence that is answered automatically, in [0, 1].</param>
    /// <param name="suggest">The lowest confidence that gets suggestions, in [0, <paramref name="answer"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A threshold is outside [0, 1] or not a number, or <paramref name="suggest"/> is above <paramref name="answer"/>.
    /// </exception>
    public ConfidenceThresholds(double answer, double suggest)
    {
        if (!(answer is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer, "The answer threshold must be between 0 and 1.");
        }

        if (!(suggest >= 0 && suggest <= answer))
        {
            throw new ArgumentOutOfRangeException(nameof(suggest), suggest, string.Create(
                CultureInfo.InvariantCulture, $"The suggest threshold must be between 0 and the answer threshold {answer}."));
        }

        Answer = answer;
        Suggest = suggest;
    }

    /// <summary>Gets the defaults: answer at 0.9 and suggest at 0.3. Tune them on your own labelled queries.</summary>
    public static ConfidenceThresholds Default { get; } = new(0.9, 0.3);

    /// <summary>Gets the lowest confidence that is answered automatically.</summary>
    public double Answer { get; }

    /// <summary>Gets the lowest confidence that gets suggestions.</summary>
    public double Suggest { get; }

    /// <summary>Returns the band that <paramref name="confidence"/> falls into.</summary>
    /// <param name="confidence">A calibrated confidence in [0, 1].</param>
    /// <returns><see cref="ConfidenceBand.Answer"/>, <see cref="ConfidenceBand.Suggest"/> or <see cref="ConfidenceBand.HandOff"/>.</returns>
    public ConfidenceBand Classify(double confidence) =>
        confidence >= Answer ? ConfidenceBand.Answer
        : confidence >= Suggest ? ConfidenceBand.Suggest
        : ConfidenceBand.HandOff;

    /// <summary>
    /// Returns the thresholds with the lowest answer threshold at which automatic answers among
    /// <paramref name="samples"/> reach <paramref name="targetPrecision"/>, so as many queries as possible are
    /// answered without falling below it.
    /// </summary>
    /// <param name="samples">Labelled matches of queries that the matcher did not index.</param>
    /// <param name="calibration">The calibration that turns the samples' signals into confidences.</param>
    /// <param name="targetPrecision">The share of automatic answers that must be right, such as 0.97.</param>
    /// <param name="suggest">The suggest threshold to keep; lowered to the answer threshold when it is above it.</param>
    /// <returns>
    /// The thresholds. When no threshold reaches the target, the answer threshold is 1, so only a confidence of exactly
    /// 1 would be answered.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetPrecision"/> or <paramref name="suggest"/> is outside [0, 1].</exception>
    public static ConfidenceThresholds ForTargetPrecision(
        IEnumerable<CalibrationSample> samples, ConfidenceCalibration calibration, double targetPrecision, double suggest)
    {
        Guard.NotNull(samples);
        if (!(targetPrecision is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetPrecision), targetPrecision, "The target precision must be between 0 and 1.");
        }

        if (!(suggest is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(suggest), suggest, "The suggest threshold must be between 0 and 1.");
        }

        // Walk from the most confident sample down, and remember the lowest confidence at which the answered set
        // above it still meets the target. Ties are taken together, since a threshold cannot split them.
        var scored = samples.Select(s => (Confidence: calibration.Apply(s.Signals), s.Correct))
            .OrderByDescending(s => s.Confidence)
            .ToArray();
        var answer = 1.0;
        var answered = 0;
        var right = 0;
        for (var i = 0; i < scored.Length; i++)
        {
            answered++;
            right += scored[i].Correct ? 1 : 0;
            var lastOfTie = i == scored.Length - 1 || scored[i + 1].Confidence < scored[i].Confidence;
            if (lastOfTie && right >= targetPrecision * answered)
            {
                answer = scored[i].Confidence;
            }
        }

        return new ConfidenceThresholds(answer, Math.Min(suggest, answer));
    }

    /// <summary>Returns the thresholds as text.</summary>
    /// <returns>Text such as <c>answer ≥ 0.9, suggest ≥ 0.3</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"answer ≥ {Answer:0.####}, suggest ≥ {Suggest:0.####}");
}
