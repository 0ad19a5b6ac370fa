using CustomerCare.Samples.ServiceDesk.Contacts;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>Something scheduled to happen at a simulated instant.</summary>
internal abstract record Happening
{
    /// <summary>A customer's contact arrives.</summary>
    public sealed record Arrival(ContactRequest Contact) : Happening;

    /// <summary>The customer sends the information an agent asked for.</summary>
    public sealed record InformationArrives(ConcernCase Case) : Happening;

    /// <summary>An agent's shift starts or ends.</summary>
    public sealed record ShiftChange(AgentState Agent, bool Starts) : Happening;

    /// <summary>An offered agent accepts the concern.</summary>
    public sealed record Accept(ConcernCase Case, AgentState Agent) : Happening;

    /// <summary>An agent finishes a work step on a concern and acts: escalate, ask, or reply and resolve.</summary>
    public sealed record FinishWork(ConcernCase Case, AgentState Agent) : Happening;

    /// <summary>The customer confirms the solution, and the agent closes the concern.</summary>
    public sealed record Close(ConcernCase Case) : Happening;

    /// <summary>The desk processes its due work: SLA warnings and breaches, timers, offer timeouts. A pass that was
    /// moved forward leaves its old instant behind, and the pass at that old instant is skipped.</summary>
    public sealed record DueWorkTick(NodaTime.Instant At) : Happening;
}
