using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Kvp.Signals;
using CustomerCare.Samples.ServiceDesk.Organization;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>What a run produced: the metrics over everything recorded, and the facts the metrics do not hold.</summary>
internal sealed record SimulationOutcome
{
    public required KvpMetricsSnapshot Metrics { get; init; }

    public required IReadOnlyList<ImprovementSignal> Signals { get; init; }

    public required IReadOnlyList<ImprovementIdea> Ideas { get; init; }

    public required SimulationCounters Counters { get; init; }

    public required SimulatedOrganization Organization { get; init; }

    public required IReadOnlyList<string> LearnedTopics { get; init; }

    public required int ArticlesAtStart { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Gets the desk's check of the first simulated week: when each channel is open and any hour with none.</summary>
    public required ReachabilityReport Reachability { get; init; }
}
