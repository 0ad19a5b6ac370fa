namespace CustomerCare.Interactions.Privacy;

/// <summary>Whether a consent entry grants or withdraws consent.</summary>
public enum ConsentStatus
{
    /// <summary>The customer agreed.</summary>
    Granted = 1,

    /// <summary>The customer withdrew an earlier consent, or objected.</summary>
    Withdrawn = 2,
}
