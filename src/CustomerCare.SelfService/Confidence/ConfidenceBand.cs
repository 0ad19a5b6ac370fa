namespace CustomerCare.SelfService;

/// <summary>What self-service does with a match, by its confidence.</summary>
public enum ConfidenceBand
{
    /// <summary>Too uncertain: hand the concern to a person.</summary>
    HandOff = 0,

    /// <summary>Plausible: show up to three articles and let the customer choose.</summary>
    Suggest = 1,

    /// <summary>Confident: answer automatically with the best article.</summary>
    Answer = 2,
}
