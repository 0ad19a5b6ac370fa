using CustomerCare.Core;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>Counts of what happened during a run, beyond what the service metrics hold.</summary>
internal sealed class SimulationCounters
{
    public long ContactsReceived { get; set; }

    /// <summary>Gets the contacts received per channel, self-service answers included.</summary>
    public Dictionary<Channel, long> ContactsByChannel { get; } = [];

    /// <summary>Gets the contacts answered by self-service per channel.</summary>
    public Dictionary<Channel, long> SelfServedByChannel { get; } = [];

    public long Duplicates { get; set; }

    public long AnsweredBySelfService { get; set; }

    public long AnsweredWithLearnedArticles { get; set; }

    public long AddedToExistingConcern { get; set; }

    public long HandedOff { get; set; }

    public long Offers { get; set; }

    public long Accepted { get; set; }

    public long Replies { get; set; }

    public long InformationRequests { get; set; }

    /// <summary>Gets or sets the escalations of any cause: agent requests, step timeouts and SLA risk.</summary>
    public long Escalations { get; set; }

    public long EscalationsByAgents { get; set; }

    public long KnowledgeProposals { get; set; }

    public long IdeasProposedByDesk { get; set; }

    public long Resolved { get; set; }

    public long Closed { get; set; }

    public long SlaWarnings { get; set; }

    public long SlaBreaches { get; set; }

    /// <summary>Gets the actions the procedure rejected, by action and reason, such as "resolve: missing field".</summary>
    public Dictionary<string, long> Rejections { get; } = new(StringComparer.Ordinal);

    public void Count(Dictionary<Channel, long> counts, Channel channel) => counts[channel] = counts.GetValueOrDefault(channel) + 1;

    public void Reject(string what) => Rejections[what] = Rejections.GetValueOrDefault(what) + 1;
}
