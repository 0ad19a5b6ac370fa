namespace CustomerCare.Interactions.Threading;

/// <summary>What one threading rule decided.</summary>
public enum ThreadingDecisionKind
{
    /// <summary>The rule does not apply; the next rule decides.</summary>
    Continue = 0,

    /// <summary>The interaction was recorded before; nothing new is stored.</summary>
    Duplicate = 1,

    /// <summary>The interaction belongs to an existing concern; the closed-and-merged stage then decides whether it joins, reopens or follows up.</summary>
    Attach = 2,

    /// <summary>The interaction starts a new concern, optionally linked to an existing one.</summary>
    StartNew = 3,
}
