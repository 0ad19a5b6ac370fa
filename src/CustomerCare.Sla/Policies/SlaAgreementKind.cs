namespace CustomerCare.Sla.Policies;

/// <summary>Who a promise is made to. Both kinds use the same targets, clocks and compliance.</summary>
public enum SlaAgreementKind
{
    /// <summary>A service level agreement (SLA) with customers, such as a first response within 4 business hours.</summary>
    ServiceLevelAgreement = 1,

    /// <summary>
    /// An operational level agreement (OLA) between teams or competence levels, such as level 2 accepting an
    /// escalation within 4 business hours.
    /// </summary>
    OperationalLevelAgreement = 2,
}
