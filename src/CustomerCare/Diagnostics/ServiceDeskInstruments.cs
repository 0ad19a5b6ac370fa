using System.Diagnostics.Metrics;
using System.Globalization;
using CustomerCare.Core;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare;

/// <summary>The instruments of the service desk on the <c>CustomerCare</c> meter; docs/diagnostics.md lists them.</summary>
internal sealed class ServiceDeskInstruments
{
    public const string ChannelTag = CustomerCareDiagnostics.TagPrefix + "channel";
    public const string OutcomeTag = CustomerCareDiagnostics.TagPrefix + "outcome";
    public const string LevelTag = CustomerCareDiagnostics.TagPrefix + "competence_level";
    public const string ReasonTag = CustomerCareDiagnostics.TagPrefix + "escalation.reason";
    public const string TargetTag = CustomerCareDiagnostics.TagPrefix + "sla.target";
    public const string WorkKindTag = CustomerCareDiagnostics.TagPrefix + "due_work.kind";

    private readonly Counter<long> _contacts;
    private readonly Histogram<double> _handling;
    private readonly Counter<long> _selfService;
    private readonly Counter<long> _routed;
    private readonly Counter<long> _escalated;
    private readonly Counter<long> _warnings;
    private readonly Counter<long> _breaches;
    private readonly Counter<long> _resolved;
    private readonly Histogram<double> _resolution;
    private readonly Counter<long> _reopened;
    private readonly Counter<long> _dueWork;

    public ServiceDeskInstruments(Meter meter)
    {
        const string Prefix = CustomerCareDiagnostics.InstrumentPrefix;
        _contacts = meter.CreateCounter<long>(Prefix + "contact.received", "{contact}", "Inbound contacts received by the service desk, by channel and outcome.");
        _handling = meter.CreateHistogram<double>(Prefix + "contact.handling.duration", "s", "Time the service desk took to receive one contact, from recording to routing.");
        _selfService = meter.CreateCounter<long>(Prefix + "selfservice.answered", "{concern}", "Concerns answered by self-service without a person.");
        _routed = meter.CreateCounter<long>(Prefix + "concern.routed", "{offer}", "Offers of concerns to agents, by competence level.");
        _escalated = meter.CreateCounter<long>(Prefix + "concern.escalated", "{escalation}", "Escalations to a deeper competence level, by level and reason.");
        _warnings = meter.CreateCounter<long>(Prefix + "sla.warning", "{warning}", "SLA warning thresholds passed, by target.");
        _breaches = meter.CreateCounter<long>(Prefix + "sla.breached", "{breach}", "SLA targets breached, by target.");
        _resolved = meter.CreateCounter<long>(Prefix + "concern.resolved", "{concern}", "Concerns resolved by agents, by competence level.");
        _resolution = meter.CreateHistogram<double>(Prefix + "concern.resolution.duration", "s", "Elapsed time from the start of a concern's procedure to its resolution.");
        _reopened = meter.CreateCounter<long>(Prefix + "concern.reopened", "{concern}", "Resolved concerns opened again.");
        _dueWork = meter.CreateCounter<long>(Prefix + "due_work.processed", "{item}", "Due items processed, by kind: timer, sla or expired_offer.");
    }

    public void ContactReceived(Channel channel, InboundOutcome outcome, Duration elapsed)
    {
        var channelTag = new KeyValuePair<string, object?>(ChannelTag, channel.Name);
        var outcomeTag = new KeyValuePair<string, object?>(OutcomeTag, OutcomeName(outcome));
        _contacts.Add(1, channelTag, outcomeTag);
        _handling.Record(elapsed.TotalSeconds, channelTag, outcomeTag);
    }

    public void SelfServiceAnswered(Channel channel) => _selfService.Add(1, new KeyValuePair<string, object?>(ChannelTag, channel.Name));

    public void ConcernRouted(CompetenceLevel? level) => _routed.Add(1, LevelPair(level));

    public void ConcernEscalated(CompetenceLevel? level, string reason) =>
        _escalated.Add(1, LevelPair(level), new KeyValuePair<string, object?>(ReasonTag, reason));

    public void SlaWarning(SlaTargetKind target) => _warnings.Add(1, new KeyValuePair<string, object?>(TargetTag, target.Name));

    public void SlaBreached(SlaTargetKind target) => _breaches.Add(1, new KeyValuePair<string, object?>(TargetTag, target.Name));

    public void ConcernResolved(CompetenceLevel level, Duration elapsed)
    {
        _resolved.Add(1, LevelPair(level));
        _resolution.Record(elapsed.TotalSeconds, LevelPair(level));
    }

    public void ConcernReopened() => _reopened.Add(1);

    public void DueWorkProcessed(DueWorkResult result)
    {
        AddDueWork(result.TimersFired, "timer");
        AddDueWork(result.SlaItems, "sla");
        AddDueWork(result.ExpiredOffers, "expired_offer");
    }

    private void AddDueWork(int count, string kind)
    {
        if (count > 0)
        {
            _dueWork.Add(count, new KeyValuePair<string, object?>(WorkKindTag, kind));
        }
    }

    private static KeyValuePair<string, object?> LevelPair(CompetenceLevel? level) =>
        new(LevelTag, level is { } known ? known.Rank.ToString(CultureInfo.InvariantCulture) : "unknown");

    private static string OutcomeName(InboundOutcome outcome) => outcome switch
    {
        InboundOutcome.Duplicate => "duplicate",
        InboundOutcome.AnsweredBySelfService => "self_service",
        InboundOutcome.Routed => "routed",
        InboundOutcome.Queued => "queued",
        InboundOutcome.LadderExhausted => "ladder_exhausted",
        _ => "added_to_concern",
    };
}
