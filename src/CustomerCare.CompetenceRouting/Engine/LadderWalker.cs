using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// Moves queue entries along their ladders: entering steps, step timeouts, SLA risk, overflow, escalation and
/// reclassification. Every method returns a new entry and records what happened in a <see cref="ChangeLog"/>.
/// </summary>
internal sealed class LadderWalker(RoutingPolicy policy)
{
    public QueueEntry CreateEntry(RoutableConcern concern)
    {
        var classification = policy.Classify(concern);
        var ladder = policy.FindLadder(classification.Ladder)!;
        var step = ladder.EntryStepFor(classification.EntryLevel);

        // The first step counts from the concern's own enqueue instant, so time spent before routing saw it counts.
        return Enter(
            new QueueEntry
            {
                Concern = concern,
                Classification = classification,
                Ladder = ladder.Name,
                StepIndex = step,
                StepEnteredAt = concern.EnqueuedAt,
                Priority = classification.Priority,
            },
            ladder,
            step,
            concern.EnqueuedAt,
            concern.EnqueuedAt);
    }

    public EscalationLadder LadderOf(QueueEntry entry) => policy.FindLadder(entry.Ladder)!;

    /// <summary>Classifies an entry again when the policy no longer has its ladder or step, such as after a policy change.</summary>
    public QueueEntry Normalize(QueueEntry entry, Instant now, ChangeLog log)
    {
        var ladder = policy.FindLadder(entry.Ladder);
        if (ladder is not null && entry.StepIndex >= 0 && entry.StepIndex < ladder.Steps.Count)
        {
            return entry;
        }

        var classification = policy.Classify(entry.Concern);
        var target = policy.FindLadder(classification.Ladder)!;
        var step = target.EntryStepFor(classification.EntryLevel);
        log.StepChanges.Add(new(now, entry.Ladder, entry.StepIndex, target.Name, step, StepChangeReason.Reclassified));
        return Enter(entry with { Classification = classification, Ladder = target.Name, ExhaustedAt = null }, target, step, now, now);
    }

    /// <summary>Applies step timeouts, SLA risk and wait-time overflow rules that are due at <paramref name="now"/>.</summary>
    public QueueEntry ApplyTimers(QueueEntry entry, Instant now, ChangeLog log)
    {
        entry = Normalize(entry, now, log);
        entry = ApplyStepTimeouts(entry, now, log);
        entry = ApplySlaRisk(entry, now, log);
        return ApplyWaitOverflow(entry, now, log);
    }

    /// <summary>Moves the entry to the next step, or flags its ladder as exhausted when there is none.</summary>
    public QueueEntry LeaveStep(QueueEntry entry, StepChangeReason reason, Instant now, ChangeLog log)
    {
        var ladder = LadderOf(entry);
        var next = entry.StepIndex + 1;
        if (next >= ladder.Steps.Count)
        {
            log.StepChanges.Add(new(now, ladder.Name, entry.StepIndex, ladder.Name, null, reason));
            return Exhaust(entry, now, log);
        }

        log.StepChanges.Add(new(now, ladder.Name, entry.StepIndex, ladder.Name, next, reason));
        return Enter(entry, ladder, next, now, now);
    }

    /// <summary>
    /// Moves an entry to another step for an escalation and records it. An escalation without a target step flags the
    /// ladder as exhausted and leaves the entry where it is.
    /// </summary>
    public QueueEntry Escalate(
        QueueEntry entry,
        EscalationKind kind,
        EscalationReason reason,
        EscalationLadder target,
        int targetStep,
        AgentId? requestedBy,
        string? note,
        Instant now,
        ChangeLog log)
    {
        var ladder = LadderOf(entry);
        var fromLevel = ladder.Steps[entry.StepIndex].Level;
        var exhausted = targetStep < 0;
        log.Escalations.Add(new EscalationRecord
        {
            ConcernId = entry.ConcernId,
            At = now,
            Kind = kind,
            Reason = reason,
            FromLadder = ladder.Name,
            FromStep = entry.StepIndex,
            FromLevel = policy.FindLevel(fromLevel.Rank) ?? fromLevel,
            ToLadder = target.Name,
            ToStep = exhausted ? null : targetStep,
            ToLevel = exhausted ? null : policy.FindLevel(target.Steps[targetStep].Level.Rank) ?? target.Steps[targetStep].Level,
            RequestedBy = requestedBy,
            Note = note,
        });
        entry = entry with { Escalations = [.. entry.Escalations, log.Escalations[^1]] };

        if (note is not null)
        {
            entry = entry with { Notes = [.. entry.Notes, new KnowledgeNote(now, requestedBy, policy.FindLevel(fromLevel.Rank) ?? fromLevel, note)] };
        }

        var stepReason = reason switch
        {
            EscalationReason.SlaRisk => StepChangeReason.SlaRisk,
            EscalationReason.Reclassification => StepChangeReason.Reclassified,
            EscalationReason.Overflow => StepChangeReason.Overflow,
            _ => StepChangeReason.Escalated,
        };
        log.StepChanges.Add(new(now, ladder.Name, entry.StepIndex, target.Name, exhausted ? null : targetStep, stepReason));
        return exhausted ? Exhaust(entry, now, log) : Enter(entry with { Ladder = target.Name, ExhaustedAt = null }, target, targetStep, now, now);
    }

    /// <summary>Applies the first queue-length overflow rule that fires for a new entry.</summary>
    public QueueEntry ApplyQueueLengthOverflow(QueueEntry entry, int waitingOnLadder, Instant now, ChangeLog log)
    {
        foreach (var rule in policy.Overflow)
        {
            if (rule.QueueLengthAtLeast is { } threshold && waitingOnLadder >= threshold && Applies(rule, entry))
            {
                return ApplyOverflow(entry, rule, now, log);
            }
        }

        return entry;
    }

    /// <summary>Classifies the entry again with a changed concern and moves it when the classification changed.</summary>
    public QueueEntry Reclassify(QueueEntry entry, RoutableConcern concern, AgentId? requestedBy, string? note, Instant now, ChangeLog log)
    {
        var classification = policy.Classify(concern);
        entry = entry with { Concern = concern };
        if (classification == entry.Classification)
        {
            return entry;
        }

        var target = policy.FindLadder(classification.Ladder)!;
        var step = target.EntryStepFor(classification.EntryLevel);
        if (classification.Ladder == entry.Ladder && classification.EntryLevel == entry.Classification.EntryLevel
            && classification.Skills.SequenceEqual(entry.Classification.Skills))
        {
            // Only the rule or the priority changed, so the concern keeps its place on the ladder.
            return Enter(entry with { Classification = classification }, target, entry.StepIndex, entry.StepEnteredAt, entry.StepEnteredAt, entry.StepDeadline);
        }

        return Escalate(entry with { Classification = classification }, EscalationKind.Functional, EscalationReason.Reclassification, target, step, requestedBy, note, now, log);
    }

    public static QueueEntry ReturnToQueue(QueueEntry entry) =>
        entry with { Status = QueueEntryStatus.Waiting, Offer = null, AssignedAgent = null, AssignedAt = null };

    private QueueEntry ApplyStepTimeouts(QueueEntry entry, Instant now, ChangeLog log)
    {
        while (entry.StepDeadline is { } deadline && deadline <= now)
        {
            var ladder = LadderOf(entry);
            var next = entry.StepIndex + 1;
            if (next >= ladder.Steps.Count)
            {
                log.StepChanges.Add(new(deadline, ladder.Name, entry.StepIndex, ladder.Name, null, StepChangeReason.TimedOut));
                return Exhaust(entry, deadline, log);
            }

            var fromLevel = ladder.Steps[entry.StepIndex].Level;
            var toLevel = ladder.Steps[next].Level;
            log.StepChanges.Add(new(deadline, ladder.Name, entry.StepIndex, ladder.Name, next, StepChangeReason.TimedOut));
            if (toLevel > fromLevel)
            {
                log.Escalations.Add(new EscalationRecord
                {
                    ConcernId = entry.ConcernId,
                    At = deadline,
                    Kind = EscalationKind.Functional,
                    Reason = EscalationReason.StepTimeout,
                    FromLadder = ladder.Name,
                    FromStep = entry.StepIndex,
                    FromLevel = policy.FindLevel(fromLevel.Rank) ?? fromLevel,
                    ToLadder = ladder.Name,
                    ToStep = next,
                    ToLevel = policy.FindLevel(toLevel.Rank) ?? toLevel,
                });
                entry = entry with { Escalations = [.. entry.Escalations, log.Escalations[^1]] };
            }

            // Cumulative against the concern's age: the next step counts from this step's deadline, not from now.
            entry = Enter(entry, ladder, next, deadline, deadline);
        }

        return entry;
    }

    private QueueEntry ApplySlaRisk(QueueEntry entry, Instant now, ChangeLog log)
    {
        if (policy.SlaRiskPercent is not { } percent || entry.Concern.SlaDueAt is not { } due || entry.SlaRiskEscalated)
        {
            return entry;
        }

        var ladder = LadderOf(entry);
        var start = entry.Concern.EnqueuedAt;
        var total = ladder.Calendar?.BusinessTimeBetween(start, due) ?? due - start;
        var used = ladder.Calendar?.BusinessTimeBetween(start, now) ?? now - start;
        if (total > Duration.Zero && used * 100 < total * percent)
        {
            return entry;
        }

        entry = entry with { SlaRiskEscalated = true };
        var target = ladder.NextDeeperStep(entry.StepIndex);
        return Escalate(entry, EscalationKind.Functional, EscalationReason.SlaRisk, ladder, target, null, null, now, log);
    }

    private QueueEntry ApplyWaitOverflow(QueueEntry entry, Instant now, ChangeLog log)
    {
        foreach (var rule in policy.Overflow)
        {
            if (rule.WaitedAtLeast is { } threshold && now - entry.Concern.EnqueuedAt >= threshold && Applies(rule, entry))
            {
                entry = ApplyOverflow(entry, rule, now, log);
            }
        }

        return entry;
    }

    private static bool Applies(OverflowRule rule, QueueEntry entry) =>
        !entry.AppliedOverflowRules.Contains(rule.Name)
        && (rule.Ladder is null || rule.Ladder == entry.Ladder)
        && rule.When.Matches(entry.Concern);

    private QueueEntry ApplyOverflow(QueueEntry entry, OverflowRule rule, Instant now, ChangeLog log)
    {
        log.AppliedOverflowRules.Add(rule.Name);
        entry = entry with { AppliedOverflowRules = [.. entry.AppliedOverflowRules, rule.Name] };
        var action = rule.Action;

        if (action.Priority is { } priority)
        {
            var ladder = LadderOf(entry);
            entry = entry with
            {
                Classification = entry.Classification with { Priority = priority },
                Priority = Boost(priority, ladder.Steps[entry.StepIndex].PriorityBoost),
            };
        }

        if (action.MoveToLadder is { } name)
        {
            var target = policy.FindLadder(name)!;
            var step = target.EntryStepFor(action.EntryLevel ?? default);
            return Escalate(entry, EscalationKind.Functional, EscalationReason.Overflow, target, step, null, null, now, log);
        }

        if (action.Complexity is { } complexity)
        {
            var concern = entry.Concern with { Complexity = complexity };
            var classification = policy.Classify(concern);
            if (action.Priority is { } kept)
            {
                classification = classification with { Priority = kept };
            }

            var target = policy.FindLadder(classification.Ladder)!;
            var step = target.EntryStepFor(classification.EntryLevel);
            return Escalate(entry with { Concern = concern, Classification = classification }, EscalationKind.Functional, EscalationReason.Overflow, target, step, null, null, now, log);
        }

        return entry;
    }

    private static QueueEntry Exhaust(QueueEntry entry, Instant at, ChangeLog log)
    {
        if (entry.ExhaustedAt is not null)
        {
            return entry with { StepDeadline = null };
        }

        log.BecameExhausted = true;
        return entry with { ExhaustedAt = at, StepDeadline = null };
    }

    private static QueueEntry Enter(QueueEntry entry, EscalationLadder ladder, int stepIndex, Instant enteredAt, Instant timeoutBase, Instant? keepDeadline = null)
    {
        var step = ladder.Steps[stepIndex];
        Instant? deadline = keepDeadline;
        if (keepDeadline is null && step.Timeout is { } timeout)
        {
            deadline = step.CountBusinessTime && ladder.Calendar is { } calendar
                ? calendar.AddBusinessTime(timeoutBase, timeout)
                : timeoutBase + timeout;
        }

        return entry with
        {
            Ladder = ladder.Name,
            StepIndex = stepIndex,
            StepEnteredAt = enteredAt,
            StepDeadline = deadline,
            Priority = Boost(entry.Classification.Priority, step.PriorityBoost),
        };
    }

    private static Priority Boost(Priority priority, int boost) => new(Math.Max(1, priority.Level - boost));
}
