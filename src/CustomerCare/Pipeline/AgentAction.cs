namespace CustomerCare;

/// <summary>The actions an agent takes on a concern through <see cref="ServiceDesk"/>.</summary>
public enum AgentAction
{
    /// <summary>Accepts the offer of a concern and starts working on it.</summary>
    AcceptOffer = 0,

    /// <summary>Replies to the customer, which stops the first-response target and the running next-response target.</summary>
    Reply = 1,

    /// <summary>Asks the customer for information; the concern is pending and the resolution clock pauses.</summary>
    RequestInformation = 2,

    /// <summary>Hands the concern to the next deeper competence level, with the knowledge gained so far.</summary>
    Escalate = 3,

    /// <summary>Resolves the concern with a resolution code and note, after the required checklist steps.</summary>
    Resolve = 4,

    /// <summary>Closes a resolved concern, confirmed by the customer.</summary>
    Close = 5,

    /// <summary>Opens a resolved concern again.</summary>
    Reopen = 6,

    /// <summary>Cancels a concern that needs no resolution.</summary>
    Cancel = 7,
}
