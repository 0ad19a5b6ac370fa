using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Signals;

/// <summary>Settings of the signal detection: windows, significance level and minimum effect sizes.</summary>
public sealed class SignalOptions
{
    /// <summary>Gets or sets the length of the current window, in days, ending with the snapshot's date. The default is 7.</summary>
    public int WindowDays { get; set; } = 7;

    /// <summary>Gets or sets how many windows before the current one form the baseline. The default is 4.</summary>
    public int BaselineWindows { get; set; } = 4;

    /// <summary>Gets or sets the significance level of the one-sided tests. The default is 0.01.</summary>
    public double SignificanceLevel { get; set; } = 0.01;

    /// <summary>Gets or sets the fewest concerns of a reason in the current window for a volume signal. The default is 10.</summary>
    public int MinimumVolume { get; set; } = 10;

    /// <summary>Gets or sets the smallest ratio of current volume to baseline volume per window for a volume signal. The default is 1.5.</summary>
    public double MinimumVolumeIncrease { get; set; } = 1.5;

    /// <summary>Gets or sets the fewest unmatched queries in a term group for a knowledge-gap signal. The default is 5.</summary>
    public int MinimumKnowledgeGapQueries { get; set; } = 5;

    /// <summary>Gets or sets the smallest fall of SLA attainment, 0 to 1, for an attainment signal. The default is 0.05 (5 points).</summary>
    public double MinimumAttainmentDrop { get; set; } = 0.05;

    /// <summary>Gets or sets the fewest decided SLA outcomes in the current window for an attainment signal. The default is 20.</summary>
    public int MinimumSlaOutcomes { get; set; } = 20;

    internal Period Window => Period.FromDays(WindowDays);

    /// <summary>Checks every setting and reports every problem at once.</summary>
    /// <exception cref="CustomerCareValidationException">One or more settings are invalid; the errors name each.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        Require(errors, WindowDays >= 1, nameof(WindowDays), "is less than 1 day", "Set 1 or more, such as 7.", WindowDays);
        Require(errors, BaselineWindows >= 1, nameof(BaselineWindows), "is less than 1", "Set 1 or more, such as 4.", BaselineWindows);
        Require(errors, SignificanceLevel is > 0 and < 1, nameof(SignificanceLevel), "is outside (0, 1)", "Set a level such as 0.01.", SignificanceLevel);
        Require(errors, MinimumVolume >= 1, nameof(MinimumVolume), "is less than 1", "Set 1 or more.", MinimumVolume);
        Require(errors, MinimumVolumeIncrease >= 1, nameof(MinimumVolumeIncrease), "is less than 1", "Set a ratio of 1 or more, such as 1.5.", MinimumVolumeIncrease);
        Require(errors, MinimumKnowledgeGapQueries >= 1, nameof(MinimumKnowledgeGapQueries), "is less than 1", "Set 1 or more.", MinimumKnowledgeGapQueries);
        Require(errors, MinimumAttainmentDrop is >= 0 and < 1, nameof(MinimumAttainmentDrop), "is outside [0, 1)", "Set a fall such as 0.05.", MinimumAttainmentDrop);
        Require(errors, MinimumSlaOutcomes >= 1, nameof(MinimumSlaOutcomes), "is less than 1", "Set 1 or more.", MinimumSlaOutcomes);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    private static void Require(List<ValidationError> errors, bool condition, string name, string problem, string fix, IFormattable value)
    {
        if (!condition)
        {
            errors.Add(new ValidationError(name, problem, fix, value.ToString(null, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
