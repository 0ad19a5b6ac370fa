using System.Collections.Frozen;

namespace CustomerCare.SelfService;

/// <summary>What an automation step returns: its status, a short message, and the data it collected for later steps.</summary>
/// <remarks>
/// The message goes into the transcript that a person reads after a hand-off; say what happened in a few words and
/// keep secrets such as one-time codes out of it. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct AutomationStepResult
{
    private AutomationStepResult(AutomationStepStatus status, string message, IReadOnlyDictionary<string, string>? outputs)
    {
        Status = status;
        Message = message;
        Outputs = outputs?.ToFrozenDictionary(StringComparer.Ordinal) ?? FrozenDictionary<string, string>.Empty;
    }

    /// <summary>Gets the status.</summary>
    public AutomationStepStatus Status { get; }

    /// <summary>Gets a short description of what happened.</summary>
    public string Message { get => field ?? string.Empty; }

    /// <summary>Gets the data the step collected, by name; later steps see it in <see cref="AutomationStepContext.Data"/>.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get => field ?? FrozenDictionary<string, string>.Empty; }

    /// <summary>Returns a completed result.</summary>
    /// <param name="message">What the step did, such as <c>address updated</c>.</param>
    /// <param name="outputs">The data collected, by name; none when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static AutomationStepResult Completed(string message, IReadOnlyDictionary<string, string>? outputs = null) =>
        new(AutomationStepStatus.Completed, Guard.NotNull(message), outputs);

    /// <summary>Returns a failed result, which hands the concern to a person.</summary>
    /// <param name="message">What went wrong, such as <c>order system unavailable</c>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static AutomationStepResult Failed(string message) => new(AutomationStepStatus.Failed, Guard.NotNull(message), null);

    /// <summary>Returns a refused result, which hands the concern to a person.</summary>
    /// <param name="message">Why the step declined, such as <c>identity not verified</c>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static AutomationStepResult Refused(string message) => new(AutomationStepStatus.Refused, Guard.NotNull(message), null);
}
