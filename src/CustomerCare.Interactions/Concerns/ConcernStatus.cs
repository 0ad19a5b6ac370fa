namespace CustomerCare.Interactions.Concerns;

/// <summary>The customer-facing status of a concern. The procedure's own states live in the SOP package.</summary>
public enum ConcernStatus
{
    /// <summary>Being worked on, or waiting; new interactions join it.</summary>
    Open = 1,

    /// <summary>Answered or solved; a new inbound interaction reopens it.</summary>
    Resolved = 2,

    /// <summary>Finished; a new inbound interaction reopens it only within the reopen window, otherwise starts a follow-up concern.</summary>
    Closed = 3,

    /// <summary>Merged into another concern, which receives every new interaction.</summary>
    Merged = 4,
}
