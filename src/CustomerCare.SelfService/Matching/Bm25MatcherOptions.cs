using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>Settings of the <see cref="Bm25KnowledgeMatcher"/>: BM25 parameters, field weights, text analysis, feedback and calibration.</summary>
/// <remarks>
/// <para>
/// An article's score is the weighted sum of three BM25 field scores: the best matching question variant (plus a
/// share of the next best ones), the title and the answer body. Each field has its own term statistics.
/// </para>
/// <para>Instances are immutable once built; share one between matchers freely.</para>
/// </remarks>
public sealed class Bm25MatcherOptions
{
    /// <summary>Gets the options with every default.</summary>
    public static Bm25MatcherOptions Default { get; } = new();

    /// <summary>Gets the term-frequency saturation k1: how much a repeated word still adds.</summary>
    /// <value>The default is 1.2; the allowed range is 0 to 10. Short FAQ texts rarely repeat words, so it matters little.</value>
    public double K1 { get; init; } = 1.2;

    /// <summary>Gets the length normalization b: 0 ignores the length of a field, 1 normalizes fully by it.</summary>
    /// <value>The default is 0.75; the allowed range is 0 to 1.</value>
    public double B { get; init; } = 0.75;

    /// <summary>Gets the weight of the best matching question variant.</summary>
    /// <value>The default is 3; zero or more. Variants are phrased like customers ask, so they weigh most.</value>
    public double QuestionWeight { get; init; } = 3;

    /// <summary>Gets how many further question variants of an article, after its best, add to its score.</summary>
    /// <value>
    /// The default is 4; the allowed range is 0 to 8. Several variants that match support an article more than one,
    /// much as several neighbours outvote one in nearest-neighbour classification. On BANKING77 (PolyAI, CC BY 4.0),
    /// 0, 1 and 4 supporting variants gave 83.1 %, 85.8 % and 86.9 % top-1 accuracy.
    /// </value>
    public int SupportingVariants { get; init; } = 4;

    /// <summary>Gets the share of each supporting variant's score that is added to the article's score.</summary>
    /// <value>The default is 0.5; the allowed range is 0 to 1.</value>
    public double SupportingVariantShare { get; init; } = 0.5;

    /// <summary>Gets the weight of the title.</summary>
    /// <value>The default is 2; zero or more.</value>
    public double TitleWeight { get; init; } = 2;

    /// <summary>Gets the weight of the answer body.</summary>
    /// <value>The default is 1; zero or more.</value>
    public double BodyWeight { get; init; } = 1;

    /// <summary>Gets the words that are ignored, compared after case and diacritic folding.</summary>
    /// <value>The default is <see cref="EnglishStopWords.Words"/>. Pass an empty list to keep every word.</value>
    public IReadOnlyCollection<string> StopWords { get; init; } = EnglishStopWords.Words;

    /// <summary>Gets a value indicating whether words are reduced to a stem with light English rules ("cards" → "card").</summary>
    /// <value>The default is <see langword="true"/>. Turn it off for knowledge bases in other languages.</value>
    public bool Stemming { get; init; } = true;

    /// <summary>Gets how strongly "did this help?" feedback scales an article's score: by 1 ± this value at most.</summary>
    /// <value>
    /// The default is 0.2, so an article that always helps scores up to 20 % more and one that never helps 20 % less;
    /// the allowed range is 0 (ignore feedback) to 0.9.
    /// </value>
    public double FeedbackInfluence { get; init; } = 0.2;

    /// <summary>Gets the number of neutral votes that every article starts with, so that a few votes move it little.</summary>
    /// <value>The default is 10; zero or more.</value>
    public double FeedbackPriorVotes { get; init; } = 10;

    /// <summary>Gets the calibration that turns the match signals into a confidence.</summary>
    /// <value>The default is <see cref="ConfidenceCalibration.Uncalibrated"/>. Fit one on labelled queries with <see cref="ConfidenceCalibration.Fit"/>.</value>
    public ConfidenceCalibration Calibration { get; init; } = ConfidenceCalibration.Uncalibrated;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="CustomerCareValidationException">A setting is out of range; the errors name each one, its value and the allowed range.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        Check(errors, nameof(K1), K1, 0, 10);
        Check(errors, nameof(B), B, 0, 1);
        Check(errors, nameof(QuestionWeight), QuestionWeight, 0, 1000);
        Check(errors, nameof(SupportingVariants), SupportingVariants, 0, 8);
        Check(errors, nameof(SupportingVariantShare), SupportingVariantShare, 0, 1);
        Check(errors, nameof(TitleWeight), TitleWeight, 0, 1000);
        Check(errors, nameof(BodyWeight), BodyWeight, 0, 1000);
        Check(errors, nameof(FeedbackInfluence), FeedbackInfluence, 0, 0.9);
        Check(errors, nameof(FeedbackPriorVotes), FeedbackPriorVotes, 0, 1_000_000);
        if (QuestionWeight + TitleWeight + BodyWeight <= 0)
        {
            errors.Add(new ValidationError(nameof(Bm25MatcherOptions), "every field weight is 0, so nothing can match", "Give at least one field a positive weight."));
        }

        if (StopWords is null)
        {
            errors.Add(new ValidationError(nameof(StopWords), "is null", "Pass an empty list to keep every word."));
        }
        else if (StopWords.Any(w => w is null))
        {
            errors.Add(new ValidationError(nameof(StopWords), "contains null", "Remove the null entries."));
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    private static void Check(List<ValidationError> errors, string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            errors.Add(new ValidationError(
                name,
                "is out of range",
                string.Create(CultureInfo.InvariantCulture, $"Use a value from {min} to {max}."),
                value.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
