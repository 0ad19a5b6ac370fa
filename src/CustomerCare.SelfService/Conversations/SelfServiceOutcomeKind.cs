namespace CustomerCare.SelfService;

/// <summary>What self-service did with a customer's message.</summary>
public enum SelfServiceOutcomeKind
{
    /// <summary>Answered automatically with one article; the customer's feedback is awaited.</summary>
    Answered = 0,

    /// <summary>Suggested up to three articles.</summary>
    Suggested = 1,

    /// <summary>Passed to a person; see <see cref="SelfServiceOutcome.HandOff"/>.</summary>
    HandedOff = 2,

    /// <summary>The customer accepted the answer; see <see cref="SelfServiceOutcome.Resolution"/>.</summary>
    Resolved = 3,
}
