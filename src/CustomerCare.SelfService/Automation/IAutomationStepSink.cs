namespace CustomerCare.SelfService;

/// <summary>
/// Receives every step outcome of an automation run as it happens, so the host can record it as an interaction on
/// the customer's concern and store the run for resuming.
/// </summary>
/// <remarks>
/// The runner calls <see cref="RecordAsync"/> after each attempt, in order. A resumed run may deliver a step again with
/// the same <see cref="AutomationStepRecord.IdempotencyKey"/> and a higher attempt number; store by key and attempt
/// so that repeats do not duplicate. Implementations must be thread-safe when several runs share them.
/// </remarks>
public interface IAutomationStepSink
{
    /// <summary>Records one step attempt.</summary>
    /// <param name="run">The run after the attempt, including its record.</param>
    /// <param name="record">The attempt's record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask RecordAsync(AutomationRun run, AutomationStepRecord record, CancellationToken cancellationToken);
}
