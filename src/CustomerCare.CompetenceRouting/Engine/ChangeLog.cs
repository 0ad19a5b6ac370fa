using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Explanations;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>Collects what happened to one entry while the engine worked on it, for the decision and the router's events.</summary>
/// <remarks>Most entries change nothing in a pass, so the lists are created on first use; the <c>…View</c> properties read without creating them.</remarks>
internal sealed class ChangeLog
{
    private List<StepChange>? _stepChanges;
    private List<EscalationRecord>? _escalations;
    private List<string>? _appliedOverflowRules;

    public List<StepChange> StepChanges => _stepChanges ??= [];

    public List<EscalationRecord> Escalations => _escalations ??= [];

    public List<string> AppliedOverflowRules => _appliedOverflowRules ??= [];

    public IReadOnlyList<StepChange> StepChangesView => _stepChanges ?? (IReadOnlyList<StepChange>)[];

    public IReadOnlyList<EscalationRecord> EscalationsView => _escalations ?? (IReadOnlyList<EscalationRecord>)[];

    public IReadOnlyList<string> AppliedOverflowRulesView => _appliedOverflowRules ?? (IReadOnlyList<string>)[];

    public bool BecameExhausted { get; set; }
}
