using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>
/// The registered procedures: every version of every definition, validated and compiled once, and the concern types
/// each applies to.
/// </summary>
/// <remarks>
/// <para>
/// Register every version that stored concerns may still follow: a concern stays on the version it started with.
/// A concern type maps to one procedure identifier, and new concerns of that type start on its latest version.
/// </para>
/// <para>This type is thread-safe: registrations are serialized, and reads never wait.</para>
/// </remarks>
public sealed class ProcedureCatalog
{
    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot = new([], new(), new(StringComparer.Ordinal));

    /// <summary>Gets every registered definition, in registration order.</summary>
    public IReadOnlyList<ProcedureDefinition> Definitions => _snapshot.Definitions;

    /// <summary>Validates, compiles and registers a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="guards">The implementations of the guards the definition names; none when null.</param>
    /// <returns>This catalog, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">
    /// The definition is invalid, names a guard without an implementation, repeats a registered identifier and
    /// version, or claims a concern type of another procedure; the errors list every problem.
    /// </exception>
    public ProcedureCatalog Add(ProcedureDefinition definition, ProcedureGuards? guards = null)
    {
        Guard.NotNull(definition);
        guards ??= new ProcedureGuards();

        lock (_writeLock)
        {
            var current = _snapshot;
            var errors = ProcedureValidator.Validate(definition, guards);
            var root = $"procedure '{definition.Id}' v{definition.Version}";
            if (current.Compiled.ContainsKey((definition.Id, definition.Version)))
            {
                errors.Add(new ValidationError(root, "is a duplicate id: this identifier and version are already registered",
                    "Register the changed definition under a new version."));
            }

            foreach (var type in definition.ConcernTypes)
            {
                if (current.ByConcernType.TryGetValue(type, out var owner) && owner != definition.Id)
                {
                    errors.Add(new ValidationError(root, $"applies to concern type '{type}', which procedure '{owner}' already serves",
                        "Register the new procedure as a version of that one, or use another concern type.", type));
                }
            }

            if (errors.Count > 0)
            {
                throw new CustomerCareValidationException(errors);
            }

            var compiled = new Dictionary<(string, int), CompiledProcedure>(current.Compiled)
            {
                [(definition.Id, definition.Version)] = CompiledProcedure.Compile(definition, guards),
            };
            var byType = new Dictionary<string, string>(current.ByConcernType, StringComparer.Ordinal);
            foreach (var type in definition.ConcernTypes)
            {
                byType[type] = definition.Id;
            }

            _snapshot = new Snapshot([.. current.Definitions, definition], compiled, byType);
        }

        return this;
    }

    /// <summary>Returns a registered definition.</summary>
    /// <param name="id">The procedure's identifier.</param>
    /// <param name="version">The version.</param>
    /// <returns>The definition, or <see langword="null"/> when it is not registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public ProcedureDefinition? Find(string id, int version) =>
        _snapshot.Compiled.GetValueOrDefault((Guard.NotNull(id), version))?.Definition;

    /// <summary>Returns the latest registered version of a procedure.</summary>
    /// <param name="id">The procedure's identifier.</param>
    /// <returns>The definition with the highest version, or <see langword="null"/> when none is registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public ProcedureDefinition? FindLatest(string id)
    {
        Guard.NotNull(id);
        ProcedureDefinition? latest = null;
        foreach (var definition in _snapshot.Definitions)
        {
            if (definition.Id == id && (latest is null || definition.Version > latest.Version))
            {
                latest = definition;
            }
        }

        return latest;
    }

    /// <summary>Returns the latest version of the procedure that serves a concern type.</summary>
    /// <param name="concernType">The concern type, such as <c>incident</c>; case is ignored.</param>
    /// <returns>The definition, or <see langword="null"/> when no procedure serves the type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concernType"/> is null.</exception>
    public ProcedureDefinition? FindForConcernType(string concernType)
    {
        var type = Names.Normalize(Guard.NotNull(concernType));
        return _snapshot.ByConcernType.TryGetValue(type, out var id) ? FindLatest(id) : null;
    }

    internal CompiledProcedure? FindCompiled(string id, int version) => _snapshot.Compiled.GetValueOrDefault((id, version));

    private sealed record Snapshot(
        ProcedureDefinition[] Definitions,
        Dictionary<(string, int), CompiledProcedure> Compiled,
        Dictionary<string, string> ByConcernType);
}
