namespace CustomerCare.Sop;

/// <summary>The decision taken at an approval gate.</summary>
public enum ApprovalDecision
{
    /// <summary>The approver approved.</summary>
    Approved = 0,

    /// <summary>The approver declined.</summary>
    Declined = 1,
}
