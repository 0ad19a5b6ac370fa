using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.SelfService.MachineLearning;

/// <summary>Settings for training an <see cref="IntentClassifierMatcher"/>.</summary>
/// <remarks>Instances are immutable once built; share one freely.</remarks>
public sealed class IntentClassifierOptions
{
    /// <summary>Gets the options with every default.</summary>
    public static IntentClassifierOptions Default { get; } = new();

    /// <summary>Gets the longest word n-gram used as a feature.</summary>
    /// <value>The default is 2 (single words and pairs); the allowed range is 1 to 3.</value>
    public int WordNGramLength { get; init; } = 2;

    /// <summary>Gets the length of the character n-grams used as features, or 0 for none.</summary>
    /// <value>The default is 3; the allowed range is 0 to 5. Character n-grams tolerate typos and inflections.</value>
    public int CharacterNGramLength { get; init; } = 3;

    /// <summary>Gets the maximum number of passes of the SDCA trainer over the data.</summary>
    /// <value>The default is 50; the allowed range is 1 to 1,000.</value>
    public int MaximumIterations { get; init; } = 50;

    /// <summary>Gets the seed of ML.NET's random numbers, so training the same data gives the same model.</summary>
    /// <value>The default is 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the calibration that turns the class probabilities into a confidence.</summary>
    /// <value>
    /// The default is <see cref="DefaultCalibration"/>. Fit one on held-out queries with
    /// <see cref="ConfidenceCalibration.Fit"/> and set it with <see cref="IntentClassifierMatcher.WithCalibration"/>.
    /// </value>
    public ConfidenceCalibration Calibration { get; init; } = DefaultCalibration;

    /// <summary>
    /// Gets a starting calibration for class probabilities: about 0.98 for p₁ = 1 and 0.5 for p₁ = 0.6 with a lead
    /// of 0.4 over the next class.
    /// </summary>
    public static ConfidenceCalibration DefaultCalibration { get; } = new(-4, 4, 4);

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="CustomerCareValidationException">A setting is out of range; the errors name each one, its value and the allowed range.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        Check(errors, nameof(WordNGramLength), WordNGramLength, 1, 3);
        Check(errors, nameof(CharacterNGramLength), CharacterNGramLength, 0, 5);
        Check(errors, nameof(MaximumIterations), MaximumIterations, 1, 1000);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    private static void Check(List<ValidationError> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(new ValidationError(
                name,
                "is out of range",
                string.Create(CultureInfo.InvariantCulture, $"Use a value from {min} to {max}."),
                value.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
