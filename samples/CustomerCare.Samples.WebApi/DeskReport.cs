using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using NodaTime;

namespace CustomerCare.Samples.WebApi;

/// <summary>
/// Feeds the improvement metrics from the desk: contacts as the endpoint receives them, lifecycle changes as the desk
/// reports them. Thread-safe: requests and the desk's events may arrive concurrently, so every call takes one lock.
/// </summary>
internal sealed class DeskReport : IServiceDeskObserver
{
    private readonly Lock _gate = new();
    private readonly KvpMetricsAccumulator _metrics = new(new KvpMetricsOptions());
    private readonly HashSet<ConcernId> _known = [];

    /// <summary>Records a contact the desk received: its concern's opening, once, and the contact itself.</summary>
    public void Contact(InboundResult result, Channel channel, ContactReason reason, Instant at)
    {
        lock (_gate)
        {
            var selfServed = result.Outcome == InboundOutcome.AnsweredBySelfService;
            if (_known.Add(result.Concern))
            {
                _metrics.Add(ConcernEvent.Opened(result.Concern, at, result.Customer, channel, reason, selfServed ? CompetenceLevel.SelfService : CompetenceLevel.FirstLevel));
            }

            _metrics.Add(new InteractionRecord(result.Concern, result.Customer, at, channel, InteractionDirection.Inbound, AuthorType.Customer)
            {
                Reason = reason,
                SelfServiceOutcome = selfServed ? SelfServiceOutcome.Resolved : SelfServiceOutcome.None,
            });
        }
    }

    public ValueTask OnEventAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken)
    {
        var e = serviceDeskEvent;
        ConcernEvent? record = e.Kind switch
        {
            ServiceDeskEventKind.Escalated when e.Level is { } level => ConcernEvent.Escalated(e.Concern, e.At, level),
            ServiceDeskEventKind.Resolved or ServiceDeskEventKind.AnsweredBySelfService => ConcernEvent.Resolved(e.Concern, e.At),
            ServiceDeskEventKind.Reopened => ConcernEvent.Reopened(e.Concern, e.At),
            ServiceDeskEventKind.Closed or ServiceDeskEventKind.Cancelled => ConcernEvent.Closed(e.Concern, e.At),
            _ => null,
        };
        if (record is { } concernEvent)
        {
            lock (_gate)
            {
                if (_known.Contains(e.Concern))
                {
                    _metrics.Add(concernEvent);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the figures as of <paramref name="now"/>.</summary>
    public KvpMetricsSnapshot Snapshot(Instant now)
    {
        lock (_gate)
        {
            return _metrics.Snapshot(now);
        }
    }
}
