namespace CustomerCare.CompetenceRouting.Escalation;

/// <summary>The direction of an escalation.</summary>
public enum EscalationKind
{
    /// <summary>Deeper into the organization's competence: the next level or a ladder with more expertise.</summary>
    Functional = 0,

    /// <summary>Up the management line, such as to a team lead or the VIP desk, whatever the competence level.</summary>
    Hierarchical = 1,
}
