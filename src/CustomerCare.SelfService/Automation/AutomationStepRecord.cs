using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>The recorded outcome of one attempt of one automation step: the unit that the host stores as an interaction.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Step">The step's name.</param>
/// <param name="Kind">The step's role.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Message">The step's description of what happened.</param>
/// <param name="Attempt">The attempt number, from 1.</param>
/// <param name="IdempotencyKey">The step's key in this run, the same on every attempt.</param>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record AutomationStepRecord(
    string Step,
    AutomationStepKind Kind,
    AutomationStepStatus Status,
    string Message,
    int Attempt,
    string IdempotencyKey,
    Instant StartedAt,
    Instant FinishedAt);
