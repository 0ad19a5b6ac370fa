namespace CustomerCare.Interactions.Concerns;

/// <summary>How a concern relates to another one.</summary>
public enum ConcernLinkKind
{
    /// <summary>This concern continues a closed concern that could no longer be reopened.</summary>
    FollowUpOf = 1,

    /// <summary>This concern was started by a reply that changed the topic of the linked concern.</summary>
    NewTopicFrom = 2,

    /// <summary>This concern was merged into the linked one.</summary>
    MergedInto = 3,

    /// <summary>The linked concern was merged into this one.</summary>
    MergedFrom = 4,
}
