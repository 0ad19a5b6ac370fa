namespace CustomerCare.SelfService;

/// <summary>One declared step of an automation: its name, its role, and the work it does.</summary>
/// <remarks>
/// The work must be safe to repeat with the same <see cref="AutomationStepContext.IdempotencyKey"/>: a run resumed
/// after a crash repeats the step that was in progress. This type is immutable and thread-safe as long as the
/// work delegate is.
/// </remarks>
public sealed class AutomationStep
{
    /// <summary>Initializes a new step.</summary>
    /// <param name="name">The name, unique in its automation, such as <c>verify-identity</c>.</param>
    /// <param name="kind">The step's role.</param>
    /// <param name="execute">The work; it returns the outcome and may throw, which counts as a failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="execute"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> is not a name of ASCII letters, digits, '-', '_' and '.'.</exception>
    public AutomationStep(string name, AutomationStepKind kind, Func<AutomationStepContext, CancellationToken, ValueTask<AutomationStepResult>> execute)
    {
        Guard.NotNull(name);
        Name = NameToken.TryNormalize(name, out var normalized, out var reason)
            ? normalized
            : throw new FormatException($"'{name}' is not a valid step name because {reason}. Use a name such as 'verify-identity'.");
        Kind = kind;
        Execute = Guard.NotNull(execute);
    }

    /// <summary>Gets the name, normalized to lower case.</summary>
    public string Name { get; }

    /// <summary>Gets the step's role.</summary>
    public AutomationStepKind Kind { get; }

    /// <summary>Gets the work.</summary>
    public Func<AutomationStepContext, CancellationToken, ValueTask<AutomationStepResult>> Execute { get; }
}
