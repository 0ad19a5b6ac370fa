using CustomerCare.Samples.ServiceDesk.Cli;
using CustomerCare.Samples.ServiceDesk.Generation;
using CustomerCare.Samples.ServiceDesk.Inputs;
using CustomerCare.Samples.ServiceDesk.Knowledge;
using CustomerCare.Samples.ServiceDesk.Organization;
using CustomerCare.SelfService;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>Everything a run needs: the contacts, the organization, the knowledge and the storage.</summary>
internal sealed record SimulationPlan
{
    public required ContactSource Source { get; init; }

    public required SimulatedOrganization Organization { get; init; }

    public required DatabaseTarget Database { get; init; }

    /// <summary>Gets the seed of the agents' behaviour: handle times and which concerns need more information.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Gets the start of the simulated period.</summary>
    public required Instant Start { get; init; }

    /// <summary>Gets the end of the simulated period; the run stops there and leaves open concerns open.</summary>
    public required Instant End { get; init; }

    public required IReadOnlyList<KnowledgeSeed> InitialKnowledge { get; init; }

    /// <summary>Gets labelled questions to calibrate the matcher's confidence on; none keeps the default.</summary>
    public IReadOnlyList<LabelledQuery> CalibrationQueries { get; init; } = [];

    /// <summary>Gets the reason profiles whose written answers an escalation can teach; none for replays, where the
    /// escalation's note becomes the answer.</summary>
    public IReadOnlyList<ReasonProfile> Reasons { get; init; } = [];
}
