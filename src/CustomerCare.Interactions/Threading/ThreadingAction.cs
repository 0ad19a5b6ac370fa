namespace CustomerCare.Interactions.Threading;

/// <summary>What recording does with an inbound interaction, as the threading pipeline decided.</summary>
public enum ThreadingAction
{
    /// <summary>The interaction was recorded before; return that one.</summary>
    Duplicate = 1,

    /// <summary>Join the open concern.</summary>
    Join = 2,

    /// <summary>Reopen the resolved or recently closed concern and join it.</summary>
    Reopen = 3,

    /// <summary>Start a new concern linked as a follow-up of a closed concern outside the reopen window.</summary>
    FollowUp = 4,

    /// <summary>Start a new concern linked to the concern whose thread the reply changed the topic of.</summary>
    NewTopic = 5,

    /// <summary>Start a new concern.</summary>
    New = 6,
}
