namespace CustomerCare;

/// <summary>What the service desk did with an inbound contact.</summary>
public enum InboundOutcome
{
    /// <summary>The contact was received and handled before; nothing changed, and the result repeats its identifiers.</summary>
    Duplicate = 1,

    /// <summary>Self-service answered the concern with a knowledge article; no person is involved.</summary>
    AnsweredBySelfService = 2,

    /// <summary>The concern went to a person, and an agent has been offered it.</summary>
    Routed = 3,

    /// <summary>The concern went to a person and waits in the routing queue until an agent is free.</summary>
    Queued = 4,

    /// <summary>The concern went to a person and ran off the end of its escalation ladder; it keeps waiting at the last step.</summary>
    LadderExhausted = 5,

    /// <summary>The contact joined a concern that a person already handles, such as a customer's reply.</summary>
    AddedToConcern = 6,
}
