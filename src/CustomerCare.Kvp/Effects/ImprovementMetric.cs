namespace CustomerCare.Kvp.Effects;

/// <summary>A metric that an improvement targets and that the effect check compares before and after.</summary>
public enum ImprovementMetric
{
    /// <summary>Concerns opened in the window; compared as the ratio after ÷ before.</summary>
    ContactVolume = 1,

    /// <summary>First-contact resolution; compared as the difference after − before.</summary>
    FirstContactResolution = 2,

    /// <summary>Reopen rate; compared as the difference after − before.</summary>
    ReopenRate = 3,

    /// <summary>Escalation rate; compared as the difference after − before.</summary>
    EscalationRate = 4,

    /// <summary>CSAT; compared as the difference after − before.</summary>
    Csat = 5,

    /// <summary>Mean first resolution time in calendar hours; compared as the difference after − before.</summary>
    MeanFirstResolutionHours = 6,

    /// <summary>Mean first response time in calendar hours; compared as the difference after − before.</summary>
    MeanFirstResponseHours = 7,
}
