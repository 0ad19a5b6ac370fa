using CustomerCare.Core;
using Microsoft.Extensions.Logging;

namespace CustomerCare;

/// <summary>
/// The log messages of the CustomerCare package. Event ids 1 to 999 belong to this package and are never reused;
/// a retired message leaves its id unused.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ClockFromTimeProvider", Level = LogLevel.Debug,
        Message = "CustomerCare reads the current time from the registered TimeProvider {TimeProviderType}")]
    public static partial void ClockFromTimeProvider(ILogger logger, string timeProviderType);

    [LoggerMessage(EventId = 2, EventName = "ClockFromSystem", Level = LogLevel.Debug,
        Message = "CustomerCare reads the current time from the system clock because no TimeProvider or IClock is registered")]
    public static partial void ClockFromSystem(ILogger logger);

    [LoggerMessage(EventId = 10, EventName = "ContactReceived", Level = LogLevel.Debug,
        Message = "Interaction {InteractionId} on {Channel} for concern {ConcernId}: {Outcome}")]
    public static partial void ContactReceived(ILogger logger, InteractionId interactionId, string channel, ConcernId concernId, InboundOutcome outcome);

    [LoggerMessage(EventId = 11, EventName = "ConcernUpdateRetried", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} changed while its status was updated; attempt {Attempt} reads it again")]
    public static partial void ConcernUpdateRetried(ILogger logger, ConcernId concernId, int attempt);

    [LoggerMessage(EventId = 12, EventName = "SlaClocksRetried", Level = LogLevel.Debug,
        Message = "The SLA clocks of concern {ConcernId} changed while events were appended; attempt {Attempt} reads them again")]
    public static partial void SlaClocksRetried(ILogger logger, ConcernId concernId, int attempt);

    [LoggerMessage(EventId = 13, EventName = "EventRaised", Level = LogLevel.Debug,
        Message = "Service desk event {Kind} for concern {ConcernId}")]
    public static partial void EventRaised(ILogger logger, ServiceDeskEventKind kind, ConcernId concernId);

    [LoggerMessage(EventId = 14, EventName = "ObserverFailed", Level = LogLevel.Error,
        Message = "Observer {ObserverType} failed on event {Kind} for concern {ConcernId}; the other observers still run")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observerType, ServiceDeskEventKind kind, ConcernId concernId);

    [LoggerMessage(EventId = 15, EventName = "DueWorkProcessed", Level = LogLevel.Debug,
        Message = "Due work processed: {Timers} timers, {SlaItems} SLA items, {ExpiredOffers} expired offers, {Offers} offers")]
    public static partial void DueWorkProcessed(ILogger logger, int timers, int slaItems, int expiredOffers, int offers);

    [LoggerMessage(EventId = 16, EventName = "BadWorkItem", Level = LogLevel.Warning,
        Message = "Due item {Key} has a payload that is not '<concern id> <target kind>'; it is completed without effect")]
    public static partial void BadWorkItem(ILogger logger, string key);

    [LoggerMessage(EventId = 17, EventName = "DueWorkServiceStarted", Level = LogLevel.Information,
        Message = "The due-work service started; it checks at least every {MaxInterval}")]
    public static partial void DueWorkServiceStarted(ILogger logger, TimeSpan maxInterval);

    [LoggerMessage(EventId = 18, EventName = "DueWorkServiceFailed", Level = LogLevel.Error,
        Message = "Processing due work failed; the service tries again in {RetryIn}")]
    public static partial void DueWorkServiceFailed(ILogger logger, Exception exception, TimeSpan retryIn);

    [LoggerMessage(EventId = 19, EventName = "DueWorkServiceStopped", Level = LogLevel.Information,
        Message = "The due-work service stopped")]
    public static partial void DueWorkServiceStopped(ILogger logger);
}
