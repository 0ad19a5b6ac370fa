namespace CustomerCare.Sop;

/// <summary>
/// How a state handles one trigger: the target, the guard that must hold, the fields the request must bring and the
/// intents the transition records.
/// </summary>
/// <remarks>
/// Several transitions of one state may share a trigger only when each has a guard and at most one guard holds at a
/// time; two holding guards are a defect of the definition and fail the operation with an exception.
/// This type is immutable and thread-safe.
/// </remarks>
public sealed class TransitionDefinition
{
    internal TransitionDefinition(
        string trigger,
        string? target,
        TransitionKind kind,
        string? guard,
        IReadOnlyList<string> requiredFields,
        IReadOnlyList<IntentDefinition> intents)
    {
        Trigger = trigger;
        Target = target;
        Kind = kind;
        Guard = guard;
        RequiredFields = requiredFields;
        Intents = intents;
    }

    /// <summary>Gets the trigger, such as <c>resolve</c>.</summary>
    public string Trigger { get; }

    /// <summary>Gets the target state for <see cref="TransitionKind.Permit"/>; the own state for a reentry; <see langword="null"/> for an internal transition.</summary>
    public string? Target { get; }

    /// <summary>Gets how the transition treats its state.</summary>
    public TransitionKind Kind { get; }

    /// <summary>Gets the name of the guard that must hold, or <see langword="null"/> when the transition is unguarded.</summary>
    public string? Guard { get; }

    /// <summary>Gets the fields that must have a value for this transition, in addition to those the target state requires.</summary>
    public IReadOnlyList<string> RequiredFields { get; }

    /// <summary>Gets the intents that the transition records, after the exit intents and before the entry intents.</summary>
    public IReadOnlyList<IntentDefinition> Intents { get; }
}
