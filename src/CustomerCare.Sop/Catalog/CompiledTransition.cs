namespace CustomerCare.Sop;

/// <summary>A transition with its names resolved to indexes and its guard to a delegate, built once per definition.</summary>
internal sealed class CompiledTransition(
    TransitionDefinition definition, int owner, int trigger, int target, Func<GuardContext, bool>? guard)
{
    public TransitionDefinition Definition { get; } = definition;

    /// <summary>Gets the index of the state that defines the transition, which may be a parent of the current state.</summary>
    public int Owner { get; } = owner;

    public int Trigger { get; } = trigger;

    /// <summary>Gets the index of the target state; the owner for a reentry; -1 for an internal transition.</summary>
    public int Target { get; } = target;

    public TransitionKind Kind => Definition.Kind;

    public string? GuardName => Definition.Guard;

    public Func<GuardContext, bool>? Guard { get; } = guard;
}
