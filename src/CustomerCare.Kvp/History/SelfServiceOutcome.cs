namespace CustomerCare.Kvp.History;

/// <summary>How a self-service session or a bot conversation ended.</summary>
public enum SelfServiceOutcome
{
    /// <summary>Not a self-service interaction, or the outcome is unknown.</summary>
    None = 0,

    /// <summary>The customer's concern was answered without a person.</summary>
    Resolved = 1,

    /// <summary>Handed off to a person, for example because the customer asked for one.</summary>
    HandedOff = 2,

    /// <summary>Handed off to a person because no knowledge article or automation matched: a knowledge gap.</summary>
    HandedOffNoMatch = 3,

    /// <summary>The customer left without an answer and without a hand-off.</summary>
    Abandoned = 4,
}
