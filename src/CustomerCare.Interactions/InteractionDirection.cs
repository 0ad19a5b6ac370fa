namespace CustomerCare.Interactions;

/// <summary>Who started an interaction.</summary>
public enum InteractionDirection
{
    /// <summary>The customer contacted the organization, or did something such as ordering.</summary>
    Inbound = 1,

    /// <summary>The organization contacted the customer.</summary>
    Outbound = 2,

    /// <summary>Within the organization only, such as a note.</summary>
    Internal = 3,
}
