namespace CustomerCare.Sop;

/// <summary>Configures one state of a <see cref="ProcedureBuilder"/>.</summary>
/// <remarks>
/// Names are trimmed and lower-cased. Problems such as an unknown target are reported by
/// <see cref="ProcedureBuilder.Build"/>, all at once. This type is not thread-safe; configure a definition on one thread.
/// </remarks>
public sealed class StateBuilder
{
    private readonly List<string> _requiredFields = [];
    private readonly List<IntentDefinition> _entryIntents = [];
    private readonly List<IntentDefinition> _exitIntents = [];
    private readonly List<TimerDefinition> _timers = [];
    private readonly List<TransitionDefinition> _transitions = [];
    private string? _parent;
    private string? _description;
    private bool _isFinal;
    private bool _isApprovalGate;

    internal StateBuilder(string name)
    {
        Name = name;
    }

    internal StateBuilder(StateDefinition state)
        : this(state.Name)
    {
        _parent = state.Parent;
        _description = state.Description;
        _isFinal = state.IsFinal;
        _isApprovalGate = state.IsApprovalGate;
        _requiredFields.AddRange(state.RequiredFields);
        _entryIntents.AddRange(state.EntryIntents);
        _exitIntents.AddRange(state.ExitIntents);
        _timers.AddRange(state.Timers);
        _transitions.AddRange(state.Transitions);
    }

    internal string Name { get; }

    /// <summary>Places this state inside the composite state <paramref name="parent"/>.</summary>
    /// <param name="parent">The composite state's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="parent"/> is null or white space.</exception>
    public StateBuilder SubstateOf(string parent)
    {
        _parent = Names.Normalize(Guard.NotNullOrWhiteSpace(parent));
        return this;
    }

    /// <summary>Marks the state as final: the procedure ends here, and the state may have internal transitions only.</summary>
    /// <returns>This builder.</returns>
    public StateBuilder Final()
    {
        _isFinal = true;
        return this;
    }

    /// <summary>Sets a description for people.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null or white space.</exception>
    public StateBuilder Describe(string description)
    {
        _description = Guard.NotNullOrWhiteSpace(description).Trim();
        return this;
    }

    /// <summary>Requires fields to have a value before the concern enters this state.</summary>
    /// <param name="fields">The field names, such as <c>resolution-code</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null or contains null.</exception>
    public StateBuilder RequireFields(params string[] fields)
    {
        foreach (var field in Guard.NoNullElements(fields))
        {
            _requiredFields.Add(Names.Normalize(field));
        }

        return this;
    }

    /// <summary>Records an intent whenever the concern enters this state.</summary>
    /// <param name="kind">The intent kind, such as <see cref="IntentKinds.Notify"/>.</param>
    /// <param name="parameter">Whom or what the intent is about; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is null or white space.</exception>
    public StateBuilder OnEntry(string kind, string? parameter = null)
    {
        _entryIntents.Add(new IntentDefinition(kind, parameter));
        return this;
    }

    /// <summary>Records an intent whenever the concern leaves this state.</summary>
    /// <param name="kind">The intent kind, such as <see cref="IntentKinds.ResumeSlaClock"/>.</param>
    /// <param name="parameter">Whom or what the intent is about; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is null or white space.</exception>
    public StateBuilder OnExit(string kind, string? parameter = null)
    {
        _exitIntents.Add(new IntentDefinition(kind, parameter));
        return this;
    }

    /// <summary>Arms a timer whenever the concern enters this state.</summary>
    /// <param name="name">The timer's name, unique within the procedure.</param>
    /// <param name="trigger">The trigger fired when the timer is due; this state or a parent must handle it.</param>
    /// <param name="delay">How long after the entry the timer is due.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="trigger"/> is null or white space.</exception>
    public StateBuilder Timer(string name, string trigger, TimerDelay delay)
    {
        _timers.Add(new TimerDefinition(
            Names.Normalize(Guard.NotNullOrWhiteSpace(name)),
            Names.Normalize(Guard.NotNullOrWhiteSpace(trigger)),
            delay));
        return this;
    }

    /// <summary>Moves the concern to <paramref name="target"/> when <paramref name="trigger"/> fires and the guard holds.</summary>
    /// <param name="trigger">The trigger, such as <c>resolve</c>.</param>
    /// <param name="target">The target state, a state without substates.</param>
    /// <param name="guard">The name of the guard that must hold; optional.</param>
    /// <param name="configure">Adds required fields and intents to the transition; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="trigger"/> or <paramref name="target"/> is null or white space.</exception>
    public StateBuilder Permit(string trigger, string target, string? guard = null, Action<TransitionBuilder>? configure = null)
    {
        Guard.NotNullOrWhiteSpace(target);
        return Add(trigger, Names.Normalize(target), TransitionKind.Permit, guard, configure);
    }

    /// <summary>Leaves and re-enters this state when <paramref name="trigger"/> fires, such as a reassignment.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The name of the guard that must hold; optional.</param>
    /// <param name="configure">Adds required fields and intents to the transition; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="trigger"/> is null or white space.</exception>
    public StateBuilder PermitReentry(string trigger, string? guard = null, Action<TransitionBuilder>? configure = null) =>
        Add(trigger, Name, TransitionKind.Reentry, guard, configure);

    /// <summary>Handles <paramref name="trigger"/> without leaving the state, such as adding a note.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The name of the guard that must hold; optional.</param>
    /// <param name="configure">Adds required fields and intents to the transition; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="trigger"/> is null or white space.</exception>
    public StateBuilder InternalTransition(string trigger, string? guard = null, Action<TransitionBuilder>? configure = null) =>
        Add(trigger, null, TransitionKind.Internal, guard, configure);

    /// <summary>
    /// Makes the state an approval gate whose only exits are <see cref="StateDefinition.ApproveTrigger"/> and
    /// <see cref="StateDefinition.DeclineTrigger"/>.
    /// </summary>
    /// <param name="approveTarget">The state after approval.</param>
    /// <param name="declineTarget">The state after a decline.</param>
    /// <param name="approverGuard">The name of a guard that the approver must pass, such as one that excludes the requester; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="approveTarget"/> or <paramref name="declineTarget"/> is null or white space.</exception>
    public StateBuilder ApprovalGate(string approveTarget, string declineTarget, string? approverGuard = null)
    {
        _isApprovalGate = true;
        Permit(StateDefinition.ApproveTrigger, approveTarget, approverGuard);
        return Permit(StateDefinition.DeclineTrigger, declineTarget, approverGuard);
    }

    internal StateDefinition Build() => new(
        Name,
        _parent,
        _isFinal,
        _isApprovalGate,
        _description,
        _requiredFields.ToArray(),
        _entryIntents.ToArray(),
        _exitIntents.ToArray(),
        _timers.ToArray(),
        _transitions.ToArray());

    private StateBuilder Add(string trigger, string? target, TransitionKind kind, string? guard, Action<TransitionBuilder>? configure)
    {
        var normalizedTrigger = Names.Normalize(Guard.NotNullOrWhiteSpace(trigger));
        var normalizedGuard = string.IsNullOrWhiteSpace(guard) ? null : Names.Normalize(guard);
        var builder = new TransitionBuilder();
        configure?.Invoke(builder);
        _transitions.Add(builder.Build(normalizedTrigger, target, kind, normalizedGuard));
        return this;
    }
}
