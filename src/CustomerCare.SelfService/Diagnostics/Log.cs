using Microsoft.Extensions.Logging;

namespace CustomerCare.SelfService;

/// <summary>
/// The log messages of the CustomerCare.SelfService package. Event ids 5000 to 5999 belong to this package and are
/// never reused; a retired message leaves its id unused. Messages carry identifiers only, never the customer's words.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, EventName = "SelfServiceAnswered", Level = LogLevel.Information,
        Message = "Self-service conversation {ConversationId} answered intent {Intent} with article {ArticleId} at confidence {Confidence:0.###}")]
    public static partial void Answered(ILogger logger, SelfServiceConversationId conversationId, string intent, ArticleId? articleId, double confidence);

    [LoggerMessage(EventId = 5001, EventName = "SelfServiceSuggested", Level = LogLevel.Information,
        Message = "Self-service conversation {ConversationId} suggested {Count} articles for intent {Intent} at confidence {Confidence:0.###}")]
    public static partial void Suggested(ILogger logger, SelfServiceConversationId conversationId, int count, string intent, double confidence);

    [LoggerMessage(EventId = 5002, EventName = "SelfServiceHandedOff", Level = LogLevel.Information,
        Message = "Self-service conversation {ConversationId} handed off to a person because of {Reason}")]
    public static partial void HandedOff(ILogger logger, SelfServiceConversationId conversationId, HandOffReason reason);

    [LoggerMessage(EventId = 5003, EventName = "SelfServiceResolved", Level = LogLevel.Information,
        Message = "Self-service conversation {ConversationId} resolved: the customer accepted article {ArticleId}")]
    public static partial void Resolved(ILogger logger, SelfServiceConversationId conversationId, ArticleId? articleId);

    [LoggerMessage(EventId = 5010, EventName = "AutomationStepCompleted", Level = LogLevel.Debug,
        Message = "Automation run {RunId} of {Automation} completed step {Step} on attempt {Attempt}")]
    public static partial void StepCompleted(ILogger logger, AutomationRunId runId, string automation, string step, int attempt);

    [LoggerMessage(EventId = 5011, EventName = "AutomationStepNotCompleted", Level = LogLevel.Warning,
        Message = "Automation run {RunId} of {Automation} stopped at step {Step} with {Status}; handing off to a person")]
    public static partial void StepNotCompleted(ILogger logger, AutomationRunId runId, string automation, string step, AutomationStepStatus status);

    [LoggerMessage(EventId = 5012, EventName = "AutomationStepThrew", Level = LogLevel.Error,
        Message = "Automation run {RunId} of {Automation} failed at step {Step} with an exception; handing off to a person")]
    public static partial void StepThrew(ILogger logger, Exception exception, AutomationRunId runId, string automation, string step);

    [LoggerMessage(EventId = 5013, EventName = "AutomationCompleted", Level = LogLevel.Information,
        Message = "Automation run {RunId} of {Automation} completed all steps")]
    public static partial void AutomationCompleted(ILogger logger, AutomationRunId runId, string automation);

    [LoggerMessage(EventId = 5020, EventName = "KnowledgeCandidateProposed", Level = LogLevel.Information,
        Message = "Knowledge candidate {CandidateId} proposed from concern {ConcernId} resolved at level {Level}")]
    public static partial void CandidateProposed(ILogger logger, KnowledgeCandidateId candidateId, Core.ConcernId concernId, int level);

    [LoggerMessage(EventId = 5021, EventName = "KnowledgeCandidateReviewed", Level = LogLevel.Information,
        Message = "Knowledge candidate {CandidateId} is now {Status}")]
    public static partial void CandidateReviewed(ILogger logger, KnowledgeCandidateId candidateId, KnowledgeCandidateStatus status);

    [LoggerMessage(EventId = 5022, EventName = "KnowledgeCandidatePublished", Level = LogLevel.Information,
        Message = "Knowledge candidate {CandidateId} published as article {ArticleId}")]
    public static partial void CandidatePublished(ILogger logger, KnowledgeCandidateId candidateId, ArticleId articleId);
}
