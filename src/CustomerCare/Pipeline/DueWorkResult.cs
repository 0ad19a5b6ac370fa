namespace CustomerCare;

/// <summary>What one call of <see cref="ServiceDesk.ProcessDueWorkAsync"/> did.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class DueWorkResult
{
    internal DueWorkResult(IReadOnlyList<ServiceDeskEvent> events, int timersFired, int slaItems, int expiredOffers, int offers, bool moreDue)
    {
        Events = events;
        TimersFired = timersFired;
        SlaItems = slaItems;
        ExpiredOffers = expiredOffers;
        Offers = offers;
        MoreDue = moreDue;
    }

    /// <summary>Gets the events raised: SLA warnings and breaches, escalations, offers, closes.</summary>
    public IReadOnlyList<ServiceDeskEvent> Events { get; }

    /// <summary>Gets the number of procedure timers fired, such as reminders and auto-close.</summary>
    public int TimersFired { get; }

    /// <summary>Gets the number of SLA due items handled, including stale ones of clocks that stopped or paused.</summary>
    public int SlaItems { get; }

    /// <summary>Gets the number of offers that expired and returned to the queue.</summary>
    public int ExpiredOffers { get; }

    /// <summary>Gets the number of offers made by the routing pass.</summary>
    public int Offers { get; }

    /// <summary>Gets whether a batch was full, so more items may be due now; call again without waiting.</summary>
    public bool MoreDue { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Events.Count} events, {TimersFired} timers, {SlaItems} SLA items, {ExpiredOffers} expired offers, {Offers} offers";
}
