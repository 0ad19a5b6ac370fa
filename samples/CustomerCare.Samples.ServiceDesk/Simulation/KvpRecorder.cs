using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using NodaTime;
using KvpSelfServiceOutcome = CustomerCare.Kvp.History.SelfServiceOutcome;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>
/// Feeds what happens in the run to the improvement metrics: the contacts, the replies with their handling time and
/// level, the concern lifecycle and the SLA outcomes.
/// </summary>
internal sealed class KvpRecorder(KvpMetricsAccumulator metrics)
{
    public KvpMetricsAccumulator Metrics { get; } = metrics;

    public void Opened(ConcernCase concern, Instant at) =>
        Metrics.Add(ConcernEvent.Opened(concern.Id, at, concern.Customer, concern.Contact.Channel, concern.Contact.Reason, CompetenceLevel.FirstLevel));

    public void CustomerContact(ConcernId concern, CustomerId customer, Channel channel, ContactReason reason, string text, Instant at) =>
        Metrics.Add(new InteractionRecord(concern, customer, at, channel, InteractionDirection.Inbound, AuthorType.Customer)
        {
            Kind = channel == Channel.Phone ? InteractionKind.Call : InteractionKind.Message,
            Reason = reason,
            Query = text,
        });

    /// <summary>
    /// Records a self-service session: answered (the concern needs no person), or handed off with or without a match,
    /// so the metrics find knowledge gaps in the questions that matched nothing.
    /// </summary>
    public void SelfService(CustomerId customer, Channel channel, ContactReason reason, string text, Instant at, KvpSelfServiceOutcome outcome) =>
        Metrics.Add(new InteractionRecord(default, customer, at, channel, InteractionDirection.Inbound, AuthorType.Customer)
        {
            Kind = InteractionKind.SelfServiceSession,
            Reason = reason,
            Level = CompetenceLevel.SelfService,
            Query = text,
            SelfServiceOutcome = outcome,
        });

    public void AgentReply(ConcernCase concern, int level, Duration workTime, Instant at) =>
        Metrics.Add(new InteractionRecord(concern.Id, concern.Customer, at, concern.Contact.Channel, InteractionDirection.Outbound, AuthorType.Person)
        {
            Kind = concern.Contact.Channel == Channel.Phone ? InteractionKind.Call : InteractionKind.Message,
            Reason = concern.Contact.Reason,
            Level = Level(level),
            WorkTime = workTime,
        });

    public void Escalated(ConcernId concern, int level, Instant at) => Metrics.Add(ConcernEvent.Escalated(concern, at, Level(level)));

    public void Pending(ConcernId concern, Instant at) => Metrics.Add(ConcernEvent.StateChanged(concern, at, ConcernStatus.Pending));

    public void Working(ConcernId concern, Instant at) => Metrics.Add(ConcernEvent.StateChanged(concern, at, ConcernStatus.Open));

    public void Resolved(ConcernId concern, Instant at) => Metrics.Add(ConcernEvent.Resolved(concern, at));

    public void Reopened(ConcernId concern, Instant at) => Metrics.Add(ConcernEvent.Reopened(concern, at));

    public void Closed(ConcernId concern, Instant at) => Metrics.Add(ConcernEvent.Closed(concern, at));

    public void Sla(ConcernId concern, string target, bool met, Instant at) =>
        Metrics.Add(new SlaOutcomeRecord(concern, target, met ? SlaOutcome.Met : SlaOutcome.Breached, at, 0));

    private static CompetenceLevel Level(int rank) => rank switch
    {
        1 => CompetenceLevel.FirstLevel,
        2 => CompetenceLevel.SecondLevel,
        _ => CompetenceLevel.ThirdLevel,
    };
}
