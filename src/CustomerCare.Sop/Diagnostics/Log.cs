using CustomerCare.Core;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Sop;

/// <summary>
/// The log messages of the CustomerCare.Sop package. Event ids 3000 to 3999 belong to this package and are never
/// reused; a retired message leaves its id unused. Messages carry identifiers, never field values or reasons.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "ConcernStarted", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} started procedure {ProcedureId} v{ProcedureVersion} in state {State}")]
    public static partial void ConcernStarted(ILogger logger, ConcernId concernId, string procedureId, int procedureVersion, string state);

    [LoggerMessage(EventId = 3001, EventName = "TransitionApplied", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} fired {Trigger}: {FromState} -> {ToState}, version {Version}")]
    public static partial void TransitionApplied(ILogger logger, ConcernId concernId, string trigger, string fromState, string toState, long version);

    [LoggerMessage(EventId = 3002, EventName = "TransitionRejected", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} rejected {Trigger} in state {State}: {Reasons}")]
    public static partial void TransitionRejected(ILogger logger, ConcernId concernId, string trigger, string state, RejectionReasons reasons);

    [LoggerMessage(EventId = 3003, EventName = "StaleTimerIgnored", Level = LogLevel.Information,
        Message = "Concern {ConcernId} ignored timer {TimerName} armed for state {State} entry {StateEntry}: the concern is in {CurrentState} entry {CurrentStateEntry}")]
    public static partial void StaleTimerIgnored(ILogger logger, ConcernId concernId, string timerName, string state, long stateEntry, string currentState, long currentStateEntry);

    [LoggerMessage(EventId = 3004, EventName = "ConcurrencyConflictRetried", Level = LogLevel.Information,
        Message = "Concern {ConcernId} was written by another operation; retrying on the stored version (attempt {Attempt} of {MaxAttempts})")]
    public static partial void ConcurrencyConflictRetried(ILogger logger, ConcernId concernId, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3005, EventName = "DuplicateRequest", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} already applied the request with this idempotency key as version {Version}")]
    public static partial void DuplicateRequest(ILogger logger, ConcernId concernId, long version);

    [LoggerMessage(EventId = 3006, EventName = "AdvisoryStepsOverridden", Level = LogLevel.Information,
        Message = "Concern {ConcernId} version {Version}: actor {ActorId} overrode {StepCount} advisory checklist steps")]
    public static partial void AdvisoryStepsOverridden(ILogger logger, ConcernId concernId, long version, string actorId, int stepCount);

    [LoggerMessage(EventId = 3007, EventName = "StepCompleted", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} completed checklist step {StepId}, version {Version}")]
    public static partial void StepCompleted(ILogger logger, ConcernId concernId, string stepId, long version);

    [LoggerMessage(EventId = 3008, EventName = "ProcedureMigrated", Level = LogLevel.Information,
        Message = "Concern {ConcernId} moved from procedure {ProcedureId} v{FromVersion} to v{ToVersion}, state {FromState} -> {ToState}")]
    public static partial void ProcedureMigrated(ILogger logger, ConcernId concernId, string procedureId, int fromVersion, int toVersion, string fromState, string toState);
}
