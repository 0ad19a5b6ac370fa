namespace CustomerCare.Interactions;

/// <summary>What an interaction is, independent of the channel it came through.</summary>
public enum InteractionKind
{
    /// <summary>A written message: email, chat, web form, social media post.</summary>
    Message = 1,

    /// <summary>A phone call.</summary>
    Call = 2,

    /// <summary>A postal letter, usually scanned on arrival.</summary>
    Letter = 3,

    /// <summary>A fax.</summary>
    Fax = 4,

    /// <summary>A business transaction, such as an order, a payment or a return.</summary>
    Transaction = 5,

    /// <summary>A self-service session: knowledge base searches, a bot conversation or an automation run.</summary>
    SelfServiceSession = 6,

    /// <summary>An internal note by an agent, not seen by the customer.</summary>
    Note = 7,

    /// <summary>An answer to a survey, such as a satisfaction rating.</summary>
    SurveyAnswer = 8,
}
