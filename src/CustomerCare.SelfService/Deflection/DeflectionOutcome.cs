namespace CustomerCare.SelfService;

/// <summary>Whether an accepted self-service answer counts as a deflection.</summary>
public enum DeflectionOutcome
{
    /// <summary>The window is still open and no new contact about the concern came yet.</summary>
    Pending = 0,

    /// <summary>The window closed without a new contact about the concern: a deflection that counts.</summary>
    Deflected = 1,

    /// <summary>A new contact about the same concern came within the window: a failed deflection.</summary>
    Failed = 2,
}
