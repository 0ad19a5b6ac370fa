using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>What an automation step gets when it runs.</summary>
/// <remarks>
/// <see cref="IdempotencyKey"/> is the same on every attempt of the same step in the same run. Pass it to the
/// systems the step calls, so that a retry after a crash or a time-out does not act twice. This type is immutable
/// and thread-safe.
/// </remarks>
/// <param name="Run">The run.</param>
/// <param name="Automation">The automation's name.</param>
/// <param name="Step">The step's name.</param>
/// <param name="Kind">The step's role.</param>
/// <param name="Customer">The customer, or <see langword="null"/> when the run has none.</param>
/// <param name="Data">The data collected by earlier steps and given at the start of the run, by name.</param>
/// <param name="Attempt">The attempt number of this step, from 1.</param>
/// <param name="IdempotencyKey">The key that identifies this step of this run, such as <c>aut_…/verify</c>.</param>
public readonly record struct AutomationStepContext(
    AutomationRunId Run,
    string Automation,
    string Step,
    AutomationStepKind Kind,
    CustomerId? Customer,
    IReadOnlyDictionary<string, string> Data,
    int Attempt,
    string IdempotencyKey);
