namespace CustomerCare.Sop;

/// <summary>
/// One state of a procedure: its place in the hierarchy, the fields needed to enter it, its intents and timers, and
/// how it handles triggers.
/// </summary>
/// <remarks>
/// <para>
/// A state with substates is a composite: concerns never rest in it, but its transitions, intents and required
/// fields apply to every substate. A substate's own transition for a trigger takes precedence over its parent's.
/// </para>
/// <para>
/// An approval gate is a state whose only exits are the triggers <see cref="ApproveTrigger"/> and
/// <see cref="DeclineTrigger"/>; firing either records the approver and the decision on the concern.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class StateDefinition
{
    /// <summary>The trigger that approves at an approval gate.</summary>
    public const string ApproveTrigger = "approve";

    /// <summary>The trigger that declines at an approval gate.</summary>
    public const string DeclineTrigger = "decline";

    internal StateDefinition(
        string name,
        string? parent,
        bool isFinal,
        bool isApprovalGate,
        string? description,
        IReadOnlyList<string> requiredFields,
        IReadOnlyList<IntentDefinition> entryIntents,
        IReadOnlyList<IntentDefinition> exitIntents,
        IReadOnlyList<TimerDefinition> timers,
        IReadOnlyList<TransitionDefinition> transitions)
    {
        Name = name;
        Parent = parent;
        IsFinal = isFinal;
        IsApprovalGate = isApprovalGate;
        Description = description;
        RequiredFields = requiredFields;
        EntryIntents = entryIntents;
        ExitIntents = exitIntents;
        Timers = timers;
        Transitions = transitions;
    }

    /// <summary>Gets the state's name, unique within the procedure, such as <c>in-progress</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the composite state this one belongs to, or <see langword="null"/> for a top-level state.</summary>
    public string? Parent { get; }

    /// <summary>Gets a value indicating whether the procedure ends here, such as <c>closed</c>; a final state has no exits.</summary>
    public bool IsFinal { get; }

    /// <summary>Gets a value indicating whether the state is an approval gate.</summary>
    public bool IsApprovalGate { get; }

    /// <summary>Gets a description for people, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Gets the fields that must have a value before the concern enters this state, such as a resolution code.</summary>
    public IReadOnlyList<string> RequiredFields { get; }

    /// <summary>Gets the intents recorded when the state is entered, in order.</summary>
    public IReadOnlyList<IntentDefinition> EntryIntents { get; }

    /// <summary>Gets the intents recorded when the state is left, in order.</summary>
    public IReadOnlyList<IntentDefinition> ExitIntents { get; }

    /// <summary>Gets the timers armed when the state is entered.</summary>
    public IReadOnlyList<TimerDefinition> Timers { get; }

    /// <summary>Gets how the state handles triggers, in definition order.</summary>
    public IReadOnlyList<TransitionDefinition> Transitions { get; }
}
