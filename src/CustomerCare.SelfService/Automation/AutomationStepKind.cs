namespace CustomerCare.SelfService;

/// <summary>The role of a step in an automation of a standard concern.</summary>
public enum AutomationStepKind
{
    /// <summary>Collects data from the customer or the host's systems, such as the order number.</summary>
    CollectData = 0,

    /// <summary>Verifies the customer's identity, such as a one-time code; a refusal hands off.</summary>
    VerifyIdentity = 1,

    /// <summary>Changes something on the customer's behalf, such as the delivery address.</summary>
    Act = 2,

    /// <summary>Confirms the outcome to the customer.</summary>
    Confirm = 3,
}
