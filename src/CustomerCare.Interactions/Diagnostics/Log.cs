using CustomerCare.Core;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Interactions;

/// <summary>
/// The log messages of the CustomerCare.Interactions package. Event ids 1000 to 1999 belong to this package and are
/// never reused. Messages carry identifiers, channel names and counts only, never personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "InteractionRecorded", Level = LogLevel.Debug,
        Message = "Recorded interaction {InteractionId} on channel {Channel} for customer {CustomerId} in concern {ConcernId} (threading action {Action})")]
    public static partial void InteractionRecorded(ILogger logger, InteractionId interactionId, string channel, CustomerId customerId, ConcernId? concernId, Threading.ThreadingAction? action);

    [LoggerMessage(EventId = 1001, EventName = "DuplicateInteraction", Level = LogLevel.Debug,
        Message = "Interaction on channel {Channel} was recorded before as {InteractionId}; nothing new was stored")]
    public static partial void DuplicateInteraction(ILogger logger, string channel, InteractionId interactionId);

    [LoggerMessage(EventId = 1002, EventName = "CustomerCreated", Level = LogLevel.Information,
        Message = "Created customer {CustomerId} for a contact on channel {Channel} (identity confidence {Confidence})")]
    public static partial void CustomerCreated(ILogger logger, CustomerId customerId, string channel, Identity.MatchConfidence confidence);

    [LoggerMessage(EventId = 1003, EventName = "IdentityConflictSetAside", Level = LogLevel.Warning,
        Message = "Set aside {Count} customers for a contact on channel {Channel} because they carry a different external id; created {CustomerId}")]
    public static partial void IdentityConflictSetAside(ILogger logger, int count, string channel, CustomerId customerId);

    [LoggerMessage(EventId = 1004, EventName = "ConcernCreated", Level = LogLevel.Information,
        Message = "Created concern {ConcernId} number {Number} for customer {CustomerId} ({Action})")]
    public static partial void ConcernCreated(ILogger logger, ConcernId concernId, long number, CustomerId customerId, Threading.ThreadingAction action);

    [LoggerMessage(EventId = 1005, EventName = "ConcernReopened", Level = LogLevel.Information,
        Message = "Reopened concern {ConcernId} for interaction {InteractionId}")]
    public static partial void ConcernReopened(ILogger logger, ConcernId concernId, InteractionId interactionId);

    [LoggerMessage(EventId = 1006, EventName = "RecordingRetried", Level = LogLevel.Debug,
        Message = "Recording on channel {Channel} met a concurrent write (attempt {Attempt}); threading again")]
    public static partial void RecordingRetried(ILogger logger, string channel, int attempt);

    [LoggerMessage(EventId = 1010, EventName = "CustomersMerged", Level = LogLevel.Information,
        Message = "Merged customer {MergedId} into {SurvivorId} as {MergeId}: {Interactions} interactions, {Concerns} concerns, {ContactPoints} contact points moved")]
    public static partial void CustomersMerged(ILogger logger, Customers.CustomerMergeId mergeId, CustomerId mergedId, CustomerId survivorId, int interactions, int concerns, int contactPoints);

    [LoggerMessage(EventId = 1011, EventName = "MergeUndone", Level = LogLevel.Information,
        Message = "Undid merge {MergeId}: customer {MergedId} split from {SurvivorId} again")]
    public static partial void MergeUndone(ILogger logger, Customers.CustomerMergeId mergeId, CustomerId mergedId, CustomerId survivorId);

    [LoggerMessage(EventId = 1020, EventName = "CustomerErased", Level = LogLevel.Information,
        Message = "Erased the personal data of customer {CustomerId}: {Interactions} interactions, {Concerns} concerns and {Merges} merge records anonymized")]
    public static partial void CustomerErased(ILogger logger, CustomerId customerId, int interactions, int concerns, int merges);

    [LoggerMessage(EventId = 1021, EventName = "CustomerExported", Level = LogLevel.Information,
        Message = "Exported the data of customer {CustomerId}: {Interactions} interactions, {Concerns} concerns")]
    public static partial void CustomerExported(ILogger logger, CustomerId customerId, int interactions, int concerns);

    [LoggerMessage(EventId = 1030, EventName = "InvalidReferenceTokenIgnored", Level = LogLevel.Warning,
        Message = "Interaction {InteractionId} on channel {Channel} carried a reference token with an invalid signature; it was ignored")]
    public static partial void InvalidReferenceTokenIgnored(ILogger logger, InteractionId interactionId, string channel);
}
