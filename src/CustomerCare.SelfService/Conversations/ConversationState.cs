namespace CustomerCare.SelfService;

/// <summary>The state of a self-service conversation.</summary>
public enum ConversationState
{
    /// <summary>Waiting for the customer's next query or feedback.</summary>
    Open = 0,

    /// <summary>An answer was given and not yet accepted or rejected.</summary>
    Answered = 1,

    /// <summary>The customer accepted an answer; whether it counts as a deflection is decided later.</summary>
    Resolved = 2,

    /// <summary>Passed to a person; the conversation ends here.</summary>
    HandedOff = 3,
}
