namespace CustomerCare.Kvp.History;

/// <summary>What an interaction is, which decides the metrics it feeds.</summary>
public enum InteractionKind
{
    /// <summary>A written message: email, letter, fax, web form, chat message.</summary>
    Message = 1,

    /// <summary>A phone call.</summary>
    Call = 2,

    /// <summary>An internal note. It never counts as a reply, whatever its direction.</summary>
    Note = 3,

    /// <summary>A self-service session, such as a knowledge base search, with its <see cref="SelfServiceOutcome"/>.</summary>
    SelfServiceSession = 4,

    /// <summary>A conversation with a bot, with its <see cref="SelfServiceOutcome"/>.</summary>
    BotConversation = 5,

    /// <summary>An invitation to a survey, which counts towards the survey response rate.</summary>
    SurveyInvitation = 6,

    /// <summary>A survey response with its <see cref="SurveyAnswers"/>.</summary>
    SurveyResponse = 7,
}
