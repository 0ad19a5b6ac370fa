using Microsoft.Extensions.Logging;

namespace CustomerCare.Kvp.Diagnostics;

/// <summary>
/// The log messages of the CustomerCare.Kvp package. Event ids 6000 to 6999 belong to this package and are never
/// reused; a retired message leaves its id unused. Messages carry identifiers and counts, never personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, EventName = "MetricsSnapshotCreated", Level = LogLevel.Debug,
        Message = "Improvement metrics snapshot as of {AsOf} over {RecordsProcessed} records with {BadRecords} bad records")]
    public static partial void MetricsSnapshotCreated(ILogger logger, NodaTime.Instant asOf, long recordsProcessed, long badRecords);

    [LoggerMessage(EventId = 6001, EventName = "BadRecord", Level = LogLevel.Debug,
        Message = "Bad {RecordType} record at position {Position} for concern {ConcernId}: {Kind}")]
    public static partial void BadRecord(ILogger logger, string recordType, long position, string concernId, Metrics.BadRecordKind kind);

    [LoggerMessage(EventId = 6002, EventName = "BadRecordDetailsSuppressed", Level = LogLevel.Information,
        Message = "More than {Limit} bad records: further ones are counted but not logged one by one")]
    public static partial void BadRecordDetailsSuppressed(ILogger logger, int limit);

    [LoggerMessage(EventId = 6100, EventName = "IdeaTransitioned", Level = LogLevel.Information,
        Message = "Improvement idea {IdeaId} moved from {From} to {To} by {Trigger}")]
    public static partial void IdeaTransitioned(ILogger logger, Ideas.IdeaId ideaId, Ideas.IdeaState from, Ideas.IdeaState to, Ideas.IdeaTrigger trigger);

    [LoggerMessage(EventId = 6101, EventName = "IdeaTransitionRejected", Level = LogLevel.Debug,
        Message = "Improvement idea {IdeaId} in {State} cannot take {Trigger}")]
    public static partial void IdeaTransitionRejected(ILogger logger, Ideas.IdeaId ideaId, Ideas.IdeaState state, Ideas.IdeaTrigger trigger);

    [LoggerMessage(EventId = 6300, EventName = "SignalRaised", Level = LogLevel.Information,
        Message = "Improvement signal {Kind} raised for {Subject} with p = {PValue}")]
    public static partial void SignalRaised(ILogger logger, Signals.SignalKind kind, string subject, double pValue);
}
