namespace CustomerCare.Kvp.History;

/// <summary>Which way an interaction went between the customer and the service organization.</summary>
public enum InteractionDirection
{
    /// <summary>From the customer to the organization, such as a call or an email the customer sent.</summary>
    Inbound = 1,

    /// <summary>From the organization to the customer, such as a reply.</summary>
    Outbound = 2,

    /// <summary>Inside the organization only, such as a note or a hand-over between agents.</summary>
    Internal = 3,
}
