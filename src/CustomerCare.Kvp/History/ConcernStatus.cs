namespace CustomerCare.Kvp.History;

/// <summary>The status of a concern in its lifecycle, as the wait-time metrics group it.</summary>
public enum ConcernStatus
{
    /// <summary>Recorded and not yet worked on. Counts as requester wait time.</summary>
    New = 1,

    /// <summary>Being worked on by the organization. Counts as requester wait time.</summary>
    Open = 2,

    /// <summary>Waiting for the customer. Counts as agent wait time.</summary>
    Pending = 3,

    /// <summary>Waiting for a third party, such as a vendor. Counts as requester wait time and on-hold time.</summary>
    OnHold = 4,

    /// <summary>Resolved; the customer may still object, which reopens the concern.</summary>
    Resolved = 5,

    /// <summary>Closed for good. A later contact about the same matter opens a follow-up concern.</summary>
    Closed = 6,
}
