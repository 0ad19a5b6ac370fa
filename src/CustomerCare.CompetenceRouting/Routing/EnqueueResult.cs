using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Queueing;

namespace CustomerCare.CompetenceRouting;

/// <summary>The result of <see cref="CompetenceRouter.EnqueueAsync"/>.</summary>
/// <remarks>This type is immutable and thread-safe. It compares by reference.</remarks>
public sealed class EnqueueResult
{
    internal EnqueueResult(QueueEntry entry, bool added, IReadOnlyList<string> appliedOverflowRules, IReadOnlyList<EscalationRecord> escalations)
    {
        Entry = entry;
        Added = added;
        AppliedOverflowRules = appliedOverflowRules;
        Escalations = escalations;
    }

    /// <summary>Gets the stored entry, with its classification; <c>Entry.Classification.ToString()</c> explains it.</summary>
    public QueueEntry Entry { get; }

    /// <summary>Gets a value indicating whether the concern was added now; <see langword="false"/> when it was queued already.</summary>
    public bool Added { get; }

    /// <summary>Gets the names of the queue-length overflow rules that fired; empty when none.</summary>
    public IReadOnlyList<string> AppliedOverflowRules { get; }

    /// <summary>Gets the escalations that happened on enqueue, such as an overflow move; empty when none.</summary>
    public IReadOnlyList<EscalationRecord> Escalations { get; }
}
