using System.Collections.Immutable;
using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>
/// An automation of a standard concern, such as an address change: the intent it serves and its declared sequence
/// of steps (collect data, verify identity, act, confirm).
/// </summary>
/// <remarks>
/// <para>
/// The definition is checked when it is created, and every problem is reported at once: the steps must not be
/// empty, their names must be unique, there must be at least one <see cref="AutomationStepKind.Act"/> step, no act
/// may come before the first identity verification when the automation has one, and confirmation steps come last.
/// </para>
/// <para>This type is immutable and thread-safe as long as its steps' delegates are.</para>
/// </remarks>
public sealed class AutomationDefinition
{
    /// <summary>Initializes a new automation.</summary>
    /// <param name="name">The name, such as <c>address-change</c>; articles refer to it by <see cref="KnowledgeArticle.Automation"/>.</param>
    /// <param name="intent">The intent it serves, such as <c>account/address-change</c>.</param>
    /// <param name="steps">The steps in the order they run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="steps"/> is null, or a step is null.</exception>
    /// <exception cref="CustomerCareValidationException">The name, the intent or the steps break the rules; the errors list every problem.</exception>
    public AutomationDefinition(string name, ContactReason intent, IEnumerable<AutomationStep> steps)
    {
        Guard.NotNull(name);
        Steps = [.. Guard.NoNullElements(steps)];

        var errors = new List<ValidationError>();
        var path = "automation '" + name + "'";
        if (!NameToken.TryNormalize(name, out var normalized, out var reason))
        {
            errors.Add(new ValidationError(path, "has an invalid name because " + reason, "Use a name such as 'address-change'.", name));
        }

        if (intent == default)
        {
            errors.Add(new ValidationError(path, "has no intent", "Pass the contact reason the automation serves."));
        }

        Validate(path, Steps, errors);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        Name = normalized!;
        Intent = intent;
    }

    /// <summary>Gets the name, normalized to lower case.</summary>
    public string Name { get; }

    /// <summary>Gets the intent it serves.</summary>
    public ContactReason Intent { get; }

    /// <summary>Gets the steps in the order they run.</summary>
    public ImmutableArray<AutomationStep> Steps { get; }

    private static void Validate(string path, ImmutableArray<AutomationStep> steps, List<ValidationError> errors)
    {
        if (steps.IsEmpty)
        {
            errors.Add(new ValidationError(path, "has no steps", "Declare the steps: collect data, verify identity, act, confirm."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Length; i++)
        {
            if (!seen.Add(steps[i].Name))
            {
                errors.Add(new ValidationError(StepPath(path, i, steps[i]), "repeats the name of an earlier step", "Give every step its own name.", steps[i].Name));
            }
        }

        if (!steps.Any(s => s.Kind == AutomationStepKind.Act))
        {
            errors.Add(new ValidationError(path, "has no act step", "Add the step that does the work; an automation without one only talks."));
        }

        var firstVerification = IndexOfKind(steps, AutomationStepKind.VerifyIdentity);
        for (var i = 0; i < firstVerification; i++)
        {
            if (steps[i].Kind == AutomationStepKind.Act)
            {
                errors.Add(new ValidationError(StepPath(path, i, steps[i]), "acts before the identity is verified", "Move the verification before it."));
            }
        }

        var firstConfirmation = IndexOfKind(steps, AutomationStepKind.Confirm);
        for (var i = firstConfirmation + 1; firstConfirmation >= 0 && i < steps.Length; i++)
        {
            if (steps[i].Kind != AutomationStepKind.Confirm)
            {
                errors.Add(new ValidationError(StepPath(path, i, steps[i]), "follows a confirmation", "Confirm last, after the work is done."));
            }
        }
    }

    private static int IndexOfKind(ImmutableArray<AutomationStep> steps, AutomationStepKind kind)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    private static string StepPath(string path, int index, AutomationStep step) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} → step {index} '{step.Name}'");
}
