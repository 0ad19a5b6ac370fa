using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Organization;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>A simulated agent during a run.</summary>
internal sealed class AgentState(AgentProfile profile, AgentId id)
{
    public AgentProfile Profile { get; } = profile;

    public AgentId Id { get; } = id;

    public bool OnShift { get; set; }
}
