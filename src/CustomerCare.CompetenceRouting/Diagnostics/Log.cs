using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using Microsoft.Extensions.Logging;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// The log messages of the CustomerCare.CompetenceRouting package. Event ids 4000 to 4999 belong to this package and
/// are never reused; a retired message leaves its id unused. Messages carry identifiers only, never notes or names.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "AgentsLoaded", Level = LogLevel.Information,
        Message = "Routing loaded {AgentCount} agents from the agent directory")]
    public static partial void AgentsLoaded(ILogger logger, int agentCount);

    [LoggerMessage(EventId = 4001, EventName = "ConcernEnqueued", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} enqueued by rule {Rule} on ladder {Ladder} step {Step}")]
    public static partial void ConcernEnqueued(ILogger logger, ConcernId concernId, string rule, string ladder, int step);

    [LoggerMessage(EventId = 4002, EventName = "OfferMade", Level = LogLevel.Information,
        Message = "Concern {ConcernId} offered to agent {AgentId} on ladder {Ladder} step {Step} at level {Level}")]
    public static partial void OfferMade(ILogger logger, ConcernId concernId, AgentId agentId, string ladder, int step, int level);

    [LoggerMessage(EventId = 4003, EventName = "OfferAccepted", Level = LogLevel.Information,
        Message = "Agent {AgentId} accepted concern {ConcernId}")]
    public static partial void OfferAccepted(ILogger logger, AgentId agentId, ConcernId concernId);

    [LoggerMessage(EventId = 4004, EventName = "OfferRejected", Level = LogLevel.Information,
        Message = "Agent {AgentId} rejected concern {ConcernId}; it returns to the queue with its age")]
    public static partial void OfferRejected(ILogger logger, AgentId agentId, ConcernId concernId);

    [LoggerMessage(EventId = 4005, EventName = "OfferExpired", Level = LogLevel.Information,
        Message = "The offer of concern {ConcernId} to agent {AgentId} expired; the concern returns to the queue with its age")]
    public static partial void OfferExpired(ILogger logger, ConcernId concernId, AgentId agentId);

    [LoggerMessage(EventId = 4006, EventName = "AgentSetAway", Level = LogLevel.Information,
        Message = "Agent {AgentId} set to away after letting the offer of concern {ConcernId} expire")]
    public static partial void AgentSetAway(ILogger logger, AgentId agentId, ConcernId concernId);

    [LoggerMessage(EventId = 4007, EventName = "StepChanged", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} left ladder {FromLadder} step {FromStep} for ladder {ToLadder} step {ToStep} because {Reason}")]
    public static partial void StepChanged(ILogger logger, ConcernId concernId, string fromLadder, int fromStep, string toLadder, int? toStep, StepChangeReason reason);

    [LoggerMessage(EventId = 4008, EventName = "Escalated", Level = LogLevel.Information,
        Message = "Concern {ConcernId} escalated ({Kind}, {Reason}) from level {FromLevel} to level {ToLevel}")]
    public static partial void Escalated(ILogger logger, ConcernId concernId, EscalationKind kind, EscalationReason reason, int fromLevel, int? toLevel);

    [LoggerMessage(EventId = 4009, EventName = "LadderExhausted", Level = LogLevel.Warning,
        Message = "Concern {ConcernId} ran off the end of ladder {Ladder}; it keeps waiting at the last step until its procedure acts")]
    public static partial void LadderExhausted(ILogger logger, ConcernId concernId, string ladder);

    [LoggerMessage(EventId = 4010, EventName = "OverflowApplied", Level = LogLevel.Information,
        Message = "Overflow rule {Rule} applied to concern {ConcernId}")]
    public static partial void OverflowApplied(ILogger logger, string rule, ConcernId concernId);

    [LoggerMessage(EventId = 4011, EventName = "ClaimRefused", Level = LogLevel.Debug,
        Message = "The directory refused agent {AgentId} for concern {ConcernId}: {Status} ({Reason}); the index is refreshed")]
    public static partial void ClaimRefused(ILogger logger, AgentId agentId, ConcernId concernId, CapacityClaimStatus status, ExclusionReason reason);

    [LoggerMessage(EventId = 4012, EventName = "QueueWriteConflict", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} was changed by another operation during routing; it is left for the next pass")]
    public static partial void QueueWriteConflict(ILogger logger, ConcernId concernId);

    [LoggerMessage(EventId = 4013, EventName = "ConcernCompleted", Level = LogLevel.Debug,
        Message = "Concern {ConcernId} left the routing queue")]
    public static partial void ConcernCompleted(ILogger logger, ConcernId concernId);

    [LoggerMessage(EventId = 4014, EventName = "Reclassified", Level = LogLevel.Information,
        Message = "Concern {ConcernId} classified again by rule {Rule} onto ladder {Ladder}")]
    public static partial void Reclassified(ILogger logger, ConcernId concernId, string rule, string ladder);

    [LoggerMessage(EventId = 4015, EventName = "OrphanRepaired", Level = LogLevel.Warning,
        Message = "Reconciliation repaired concern {ConcernId} and agent {AgentId}: {Repair}")]
    public static partial void OrphanRepaired(ILogger logger, ConcernId concernId, AgentId agentId, string repair);

    [LoggerMessage(EventId = 4016, EventName = "RoutingPassCompleted", Level = LogLevel.Debug,
        Message = "Routing pass: {Waiting} waiting, {Offers} offers, {Expired} expired offers, {Conflicts} conflicts")]
    public static partial void RoutingPassCompleted(ILogger logger, int waiting, int offers, int expired, int conflicts);

    [LoggerMessage(EventId = 4017, EventName = "PresenceChanged", Level = LogLevel.Debug,
        Message = "Agent {AgentId} is now {Presence}")]
    public static partial void PresenceChanged(ILogger logger, AgentId agentId, Presence presence);
}
