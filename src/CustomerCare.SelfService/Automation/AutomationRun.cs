using System.Collections.Frozen;
using System.Collections.Immutable;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// The state of one run of an automation: the step records so far, the data collected, and its status. Store
/// it after each step (see <see cref="IAutomationStepSink"/>) and pass it back to resume.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class AutomationRun
{
    private AutomationRun(
        AutomationRunId id,
        string automation,
        CustomerId? customer,
        Instant startedAt,
        ImmutableArray<AutomationStepRecord> records,
        FrozenDictionary<string, string> data,
        AutomationRunStatus status)
    {
        Id = id;
        Automation = automation;
        Customer = customer;
        StartedAt = startedAt;
        Records = records;
        Data = data;
        Status = status;
    }

    /// <summary>Gets the identifier.</summary>
    public AutomationRunId Id { get; }

    /// <summary>Gets the automation's name.</summary>
    public string Automation { get; }

    /// <summary>Gets the customer, or <see langword="null"/>.</summary>
    public CustomerId? Customer { get; }

    /// <summary>Gets when the run started.</summary>
    public Instant StartedAt { get; }

    /// <summary>Gets the record of every step attempt so far, oldest first.</summary>
    public ImmutableArray<AutomationStepRecord> Records { get; }

    /// <summary>Gets the data given at the start and collected by completed steps, by name.</summary>
    public IReadOnlyDictionary<string, string> Data { get; }

    /// <summary>Gets the run's status.</summary>
    public AutomationRunStatus Status { get; }

    /// <summary>Gets the number of steps that completed.</summary>
    public int CompletedSteps => Records.Count(r => r.Status == AutomationStepStatus.Completed);

    /// <summary>Starts a run.</summary>
    /// <param name="id">The identifier, such as <c>AutomationRunId.New(startedAt)</c>.</param>
    /// <param name="automation">The automation to run.</param>
    /// <param name="customer">The customer, or <see langword="null"/>.</param>
    /// <param name="startedAt">When the run started.</param>
    /// <param name="data">Data known at the start, such as the order number from the conversation; none when null.</param>
    /// <returns>A run with no steps done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="automation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="customer"/> is <c>default</c>.</exception>
    public static AutomationRun Start(AutomationRunId id, AutomationDefinition automation, CustomerId? customer, Instant startedAt, IReadOnlyDictionary<string, string>? data = null)
    {
        Guard.NotDefault(id);
        Guard.NotNull(automation);
        if (customer is { } known)
        {
            Guard.NotDefault(known, nameof(customer));
        }

        var initial = (data ?? FrozenDictionary<string, string>.Empty).ToFrozenDictionary(StringComparer.Ordinal);
        return new(id, automation.Name, customer, startedAt, [], initial, AutomationRunStatus.Running);
    }

    /// <summary>Returns the run ready to try again after a hand-off, for example when a person fixed the cause of a failed step.</summary>
    /// <returns>The run in the <see cref="AutomationRunStatus.Running"/> state; the failed step runs again with its idempotency key.</returns>
    /// <exception cref="InvalidOperationException">The run completed, so there is nothing to retry.</exception>
    public AutomationRun Retry() =>
        Status == AutomationRunStatus.Completed
            ? throw new InvalidOperationException($"Run {Id} of '{Automation}' completed; start a new run instead.")
            : WithStatus(AutomationRunStatus.Running);

    internal FrozenDictionary<string, string> DataView => (FrozenDictionary<string, string>)Data;

    internal AutomationRun With(AutomationStepRecord record, IReadOnlyDictionary<string, string> outputs, AutomationRunStatus status)
    {
        var data = DataView;
        if (outputs.Count > 0)
        {
            var merged = new Dictionary<string, string>(data, StringComparer.Ordinal);
            foreach (var (key, value) in outputs)
            {
                merged[key] = value;
            }

            data = merged.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new(Id, Automation, Customer, StartedAt, Records.Add(record), data, status);
    }

    internal AutomationRun WithStatus(AutomationRunStatus status) => new(Id, Automation, Customer, StartedAt, Records, DataView, status);
}
