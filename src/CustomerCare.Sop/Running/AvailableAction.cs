namespace CustomerCare.Sop;

/// <summary>
/// A trigger that the concern's current state permits now, for a UI to offer, with what is still needed before it
/// can be applied.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class AvailableAction
{
    internal AvailableAction(
        string trigger,
        string? target,
        TransitionKind kind,
        IReadOnlyList<string> missingFields,
        IReadOnlyList<string> openMandatorySteps,
        IReadOnlyList<string> openAdvisorySteps)
    {
        Trigger = trigger;
        Target = target;
        Kind = kind;
        MissingFields = missingFields;
        OpenMandatorySteps = openMandatorySteps;
        OpenAdvisorySteps = openAdvisorySteps;
    }

    /// <summary>Gets the trigger.</summary>
    public string Trigger { get; }

    /// <summary>Gets the state the trigger leads to, or <see langword="null"/> for an internal transition.</summary>
    public string? Target { get; }

    /// <summary>Gets how the transition treats the current state.</summary>
    public TransitionKind Kind { get; }

    /// <summary>Gets the required fields that neither the concern nor a request has yet; the request must bring them.</summary>
    public IReadOnlyList<string> MissingFields { get; }

    /// <summary>Gets the open mandatory checklist steps, which must be completed first.</summary>
    public IReadOnlyList<string> OpenMandatorySteps { get; }

    /// <summary>Gets the open advisory checklist steps, which the request must complete or override.</summary>
    public IReadOnlyList<string> OpenAdvisorySteps { get; }

    /// <summary>Gets a value indicating whether firing without fields or overrides would be applied.</summary>
    public bool IsReady => MissingFields.Count == 0 && OpenMandatorySteps.Count == 0 && OpenAdvisorySteps.Count == 0;

    /// <summary>Returns the trigger and its target, such as <c>resolve → resolved</c>.</summary>
    /// <returns>The action as text.</returns>
    public override string ToString() => Target is null ? Trigger : $"{Trigger} → {Target}";
}
