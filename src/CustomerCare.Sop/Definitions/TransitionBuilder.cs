namespace CustomerCare.Sop;

/// <summary>Adds required fields and intents to one transition of a <see cref="StateBuilder"/>.</summary>
/// <remarks>This type is not thread-safe; configure a definition on one thread.</remarks>
public sealed class TransitionBuilder
{
    private readonly List<string> _requiredFields = [];
    private readonly List<IntentDefinition> _intents = [];

    internal TransitionBuilder()
    {
    }

    /// <summary>Requires fields for this transition only, such as the knowledge gained before an escalation.</summary>
    /// <param name="fields">The field names.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null or contains null.</exception>
    public TransitionBuilder RequireFields(params string[] fields)
    {
        foreach (var field in Guard.NoNullElements(fields))
        {
            _requiredFields.Add(Names.Normalize(field));
        }

        return this;
    }

    /// <summary>Records an intent when the transition happens, after the exit intents and before the entry intents.</summary>
    /// <param name="kind">The intent kind, such as <see cref="IntentKinds.Escalate"/>.</param>
    /// <param name="parameter">Whom or what the intent is about; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is null or white space.</exception>
    public TransitionBuilder Intent(string kind, string? parameter = null)
    {
        _intents.Add(new IntentDefinition(kind, parameter));
        return this;
    }

    internal TransitionDefinition Build(string trigger, string? target, TransitionKind kind, string? guard) =>
        new(trigger, target, kind, guard, _requiredFields.ToArray(), _intents.ToArray());
}
