using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>Collects what happened to one entry while the engine worked on it, for the decision and the router's events.</summary>
internal sealed class ChangeLog
{
    public List<StepChange> StepChanges { get; } = [];

    public List<EscalationRecord> Escalations { get; } = [];

    public List<string> AppliedOverflowRules { get; } = [];

    public bool BecameExhausted { get; set; }

    public bool IsEmpty => StepChanges.Count == 0 && Escalations.Count == 0 && AppliedOverflowRules.Count == 0 && !BecameExhausted;
}
