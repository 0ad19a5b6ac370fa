using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>Builds a <see cref="ProcedureDefinition"/> in code.</summary>
/// <remarks>
/// <para>
/// Names are trimmed and lower-cased. <see cref="Build"/> validates the whole definition and reports every problem
/// at once: unreachable states, dead ends other than final states, transitions without a valid target, duplicate
/// names and broken approval gates. Guard implementations are checked later, by <see cref="ProcedureCatalog.Add"/>.
/// </para>
/// <para>
/// To extend a shipped procedure, start from <see cref="From"/> and call <see cref="State"/> with an existing name to
/// add to that state, or with a new name to add a state.
/// </para>
/// <para>This type is not thread-safe; configure a definition on one thread.</para>
/// </remarks>
public sealed class ProcedureBuilder
{
    private readonly List<StateBuilder> _states = [];
    private readonly List<string> _concernTypes = [];
    private readonly List<ChecklistStepDefinition> _checklist = [];
    private readonly string _id;
    private readonly int _version;
    private string? _initialState;
    private string? _description;

    /// <summary>Starts a definition.</summary>
    /// <param name="id">The procedure's identifier, such as <c>itil-lifecycle</c>.</param>
    /// <param name="version">The version, 1 or greater.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public ProcedureBuilder(string id, int version)
    {
        _id = Names.Normalize(Guard.NotNullOrWhiteSpace(id));
        _version = Guard.InRange(version, 1, int.MaxValue);
    }

    /// <summary>Starts a definition from an existing one, for example to extend the default lifecycle.</summary>
    /// <param name="definition">The definition to copy.</param>
    /// <param name="id">The new identifier; the copied one when null.</param>
    /// <param name="version">The new version; the copied version plus one when null.</param>
    /// <returns>A builder that holds a copy of <paramref name="definition"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static ProcedureBuilder From(ProcedureDefinition definition, string? id = null, int? version = null)
    {
        Guard.NotNull(definition);

        var builder = new ProcedureBuilder(id ?? definition.Id, version ?? definition.Version + 1)
        {
            _initialState = definition.InitialState,
            _description = definition.Description,
        };
        builder._concernTypes.AddRange(definition.ConcernTypes);
        builder._checklist.AddRange(definition.Checklist);
        foreach (var state in definition.States)
        {
            builder._states.Add(new StateBuilder(state));
        }

        return builder;
    }

    /// <summary>Sets a description for people.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null or white space.</exception>
    public ProcedureBuilder Describe(string description)
    {
        _description = Guard.NotNullOrWhiteSpace(description).Trim();
        return this;
    }

    /// <summary>Adds concern types the procedure applies to.</summary>
    /// <param name="concernTypes">The types, such as <c>incident</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concernTypes"/> is null or contains null.</exception>
    public ProcedureBuilder AppliesTo(params string[] concernTypes)
    {
        foreach (var type in Guard.NoNullElements(concernTypes))
        {
            _concernTypes.Add(Names.Normalize(type));
        }

        return this;
    }

    /// <summary>Sets the state a concern starts in.</summary>
    /// <param name="state">The initial state, a state without substates.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is null or white space.</exception>
    public ProcedureBuilder StartIn(string state)
    {
        _initialState = Names.Normalize(Guard.NotNullOrWhiteSpace(state));
        return this;
    }

    /// <summary>Adds a state, or adds to the state of that name when it exists.</summary>
    /// <param name="name">The state's name, such as <c>in-progress</c>.</param>
    /// <param name="configure">Configures the state; optional for a state that only needs to exist.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or white space.</exception>
    public ProcedureBuilder State(string name, Action<StateBuilder>? configure = null)
    {
        var normalized = Names.Normalize(Guard.NotNullOrWhiteSpace(name));
        var state = _states.Find(s => string.Equals(s.Name, normalized, StringComparison.Ordinal));
        if (state is null)
        {
            state = new StateBuilder(normalized);
            _states.Add(state);
        }

        configure?.Invoke(state);
        return this;
    }

    /// <summary>Adds a checklist step that must be done before the concern enters <paramref name="requiredBefore"/>.</summary>
    /// <param name="id">The step's identifier, unique within the procedure.</param>
    /// <param name="severity">Whether an open step blocks or only warns.</param>
    /// <param name="requiredBefore">The state the step guards.</param>
    /// <param name="title">The text shown to agents; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="requiredBefore"/> is null or white space.</exception>
    public ProcedureBuilder Step(string id, StepSeverity severity, string requiredBefore, string? title = null)
    {
        _checklist.Add(new ChecklistStepDefinition(
            Names.Normalize(Guard.NotNullOrWhiteSpace(id)),
            severity,
            Names.Normalize(Guard.NotNullOrWhiteSpace(requiredBefore)),
            string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
        return this;
    }

    /// <summary>Creates the definition and validates its structure.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="CustomerCareValidationException">The definition has problems; <see cref="CustomerCareValidationException.Errors"/> lists every one.</exception>
    public ProcedureDefinition Build()
    {
        var definition = new ProcedureDefinition(
            _id,
            _version,
            _description,
            _concernTypes.ToArray(),
            _initialState ?? string.Empty,
            _states.Select(s => s.Build()).ToArray(),
            _checklist.ToArray());

        var errors = ProcedureValidator.Validate(definition, guards: null);
        return errors.Count == 0 ? definition : throw new CustomerCareValidationException(errors);
    }
}
