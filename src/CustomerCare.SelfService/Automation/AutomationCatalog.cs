using System.Collections.Frozen;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>The automations a host registered, by name and by intent.</summary>
/// <remarks>
/// An intent without an automation of its own uses the one of its nearest ancestor: an automation for
/// <c>account/address-change</c> also serves <c>account/address-change/move-abroad</c>. This type is immutable and
/// thread-safe.
/// </remarks>
public sealed class AutomationCatalog
{
    private readonly FrozenDictionary<string, AutomationDefinition> _byName;
    private readonly FrozenDictionary<ContactReason, AutomationDefinition> _byIntent;

    /// <summary>Initializes a catalog.</summary>
    /// <param name="automations">The automations; names and intents must be unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="automations"/> is null or contains null.</exception>
    /// <exception cref="CustomerCareValidationException">Two automations share a name or an intent; the errors list every clash.</exception>
    public AutomationCatalog(IEnumerable<AutomationDefinition> automations)
    {
        var list = Guard.NoNullElements(automations).ToList();
        var errors = new List<ValidationError>();
        foreach (var clash in list.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ValidationError("automations", "register the name twice", "Give every automation its own name.", clash.Key));
        }

        foreach (var clash in list.GroupBy(a => a.Intent).Where(g => g.Count() > 1))
        {
            errors.Add(new ValidationError("automations", "register two automations for one intent: " + string.Join(", ", clash.Select(a => a.Name)), "Keep one automation per intent.", clash.Key.Code));
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        _byName = list.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        _byIntent = list.ToFrozenDictionary(a => a.Intent);
    }

    /// <summary>Gets a catalog without automations.</summary>
    public static AutomationCatalog Empty { get; } = new([]);

    /// <summary>Gets the automations.</summary>
    public IEnumerable<AutomationDefinition> Automations => _byName.Values;

    /// <summary>Returns the automation with <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The name; case is ignored.</param>
    /// <returns>The automation, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public AutomationDefinition? FindByName(string name) =>
        NameToken.TryNormalize(Guard.NotNull(name), out var normalized, out _) && _byName.TryGetValue(normalized, out var automation) ? automation : null;

    /// <summary>Returns the automation for <paramref name="intent"/> or its nearest ancestor, or <see langword="null"/>.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The automation, or <see langword="null"/>.</returns>
    public AutomationDefinition? FindForIntent(ContactReason intent)
    {
        for (ContactReason? reason = intent; reason is { } current && current != default; reason = current.Parent)
        {
            if (_byIntent.TryGetValue(current, out var automation))
            {
                return automation;
            }
        }

        return null;
    }
}
