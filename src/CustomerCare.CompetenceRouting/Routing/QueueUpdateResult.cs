using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Queueing;

namespace CustomerCare.CompetenceRouting;

/// <summary>The result of accepting, rejecting, escalating or reclassifying one queued concern.</summary>
/// <remarks>This type is immutable and thread-safe. It compares by reference.</remarks>
public sealed class QueueUpdateResult
{
    internal QueueUpdateResult(QueueUpdateStatus status, QueueEntry? entry, EscalationRecord? escalation = null)
    {
        Status = status;
        Entry = entry;
        Escalation = escalation;
    }

    /// <summary>Gets what happened.</summary>
    public QueueUpdateStatus Status { get; }

    /// <summary>Gets the entry as stored afterwards, or <see langword="null"/> when the concern is not queued.</summary>
    public QueueEntry? Entry { get; }

    /// <summary>Gets the escalation recorded by this change, or <see langword="null"/>.</summary>
    public EscalationRecord? Escalation { get; }
}
