namespace CustomerCare.Sop;

/// <summary>
/// A standard operating procedure as data: which concern types it applies to, its states, transitions, guards by
/// name, required fields, checklist, approval gates, timers and intents.
/// </summary>
/// <remarks>
/// <para>
/// Definitions are built with <see cref="ProcedureBuilder"/> or read with <see cref="ProcedureJson"/>, both of which
/// validate the structure and report every problem at once. <see cref="ProcedureCatalog.Add"/> then checks that each
/// guard name has an implementation and compiles the definition once for all concerns.
/// </para>
/// <para>
/// A definition is identified by <see cref="Id"/> and <see cref="Version"/>. A concern stays on the version it started
/// with until it is migrated explicitly with <see cref="ProcedureRunner.MigrateAsync"/>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ProcedureDefinition
{
    private readonly Dictionary<string, StateDefinition> _statesByName;

    internal ProcedureDefinition(
        string id,
        int version,
        string? description,
        IReadOnlyList<string> concernTypes,
        string initialState,
        IReadOnlyList<StateDefinition> states,
        IReadOnlyList<ChecklistStepDefinition> checklist)
    {
        Id = id;
        Version = version;
        Description = description;
        ConcernTypes = concernTypes;
        InitialState = initialState;
        States = states;
        Checklist = checklist;
        _statesByName = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            _statesByName.TryAdd(state.Name, state);
        }
    }

    /// <summary>Gets the procedure's identifier, such as <c>itil-lifecycle</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the version, 1 or greater; a changed procedure is registered under a new version.</summary>
    public int Version { get; }

    /// <summary>Gets a description for people, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Gets the concern types the procedure applies to, such as <c>incident</c> and <c>service-request</c>.</summary>
    public IReadOnlyList<string> ConcernTypes { get; }

    /// <summary>Gets the state a concern starts in.</summary>
    public string InitialState { get; }

    /// <summary>Gets the states in definition order.</summary>
    public IReadOnlyList<StateDefinition> States { get; }

    /// <summary>Gets the checklist steps in definition order.</summary>
    public IReadOnlyList<ChecklistStepDefinition> Checklist { get; }

    /// <summary>Returns the state named <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="name">The state's name.</param>
    /// <returns>The state, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public StateDefinition? FindState(string name) => _statesByName.GetValueOrDefault(Guard.NotNull(name));

    /// <summary>Returns the identifier and the version, such as <c>itil-lifecycle v1</c>.</summary>
    /// <returns>The identifier and the version.</returns>
    public override string ToString() => $"{Id} v{Version}";
}
