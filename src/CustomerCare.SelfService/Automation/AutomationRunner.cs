using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// Runs the declared steps of an automation in order, records each outcome, and hands the concern to a person with
/// the transcript when a step fails, throws or is refused.
/// </summary>
/// <remarks>
/// <para>
/// Runs resume: pass a stored <see cref="AutomationRun"/> back and the runner continues after its last completed
/// step. A step that was in progress when the host stopped runs again with the same idempotency key, so the systems
/// it calls can recognize the repeat. A run that already completed or handed off is returned unchanged.
/// </para>
/// <para>
/// Cancellation stops the run between steps or inside a step that observes the token, and throws
/// <see cref="OperationCanceledException"/>; the sink has every record up to then. The runner is thread-safe.
/// </para>
/// </remarks>
public sealed class AutomationRunner
{
    private readonly IClock _clock;
    private readonly IAutomationStepSink? _sink;
    private readonly ILogger _logger;

    /// <summary>Initializes a new runner.</summary>
    /// <param name="clock">The clock that stamps the step records.</param>
    /// <param name="sink">Receives each step record as it happens; none when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public AutomationRunner(IClock clock, IAutomationStepSink? sink = null, ILogger<AutomationRunner>? logger = null)
    {
        _clock = Guard.NotNull(clock);
        _sink = sink;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs or resumes <paramref name="run"/> of <paramref name="automation"/>.</summary>
    /// <param name="automation">The automation.</param>
    /// <param name="run">The run, new from <see cref="AutomationRun.Start"/> or as stored after its last step.</param>
    /// <param name="conversation">The self-service conversation the automation serves; its transcript goes into a hand-off.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The run as it ended, the conversation with the step entries, and the hand-off if a step did not complete.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="automation"/>, <paramref name="run"/> or <paramref name="conversation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="run"/> belongs to another automation.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AutomationRunResult> RunAsync(
        AutomationDefinition automation, AutomationRun run, SelfServiceConversation conversation, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(automation);
        Guard.NotNull(run);
        Guard.NotNull(conversation);
        if (!string.Equals(run.Automation, automation.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Run {run.Id} belongs to automation '{run.Automation}', not '{automation.Name}'. Pass the automation it was started for.", nameof(run));
        }

        if (run.Status != AutomationRunStatus.Running)
        {
            return new AutomationRunResult(run, conversation, null);
        }

        for (var index = run.CompletedSteps; index < automation.Steps.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = automation.Steps[index];
            var (record, outputs) = await AttemptAsync(automation, run, step, cancellationToken).ConfigureAwait(false);

            var completed = record.Status == AutomationStepStatus.Completed;
            var status = !completed ? AutomationRunStatus.HandedOff
                : index == automation.Steps.Length - 1 ? AutomationRunStatus.Completed
                : AutomationRunStatus.Running;
            run = run.With(record, outputs, status);
            conversation = conversation.With(
                new TranscriptEntry(record.FinishedAt, TranscriptEntryKind.AutomationStep, Describe(automation, record)) { Intent = automation.Intent },
                conversation.State,
                conversation.LastAnswer);
            if (_sink is not null)
            {
                await _sink.RecordAsync(run, record, cancellationToken).ConfigureAwait(false);
            }

            if (!completed)
            {
                Log.StepNotCompleted(_logger, run.Id, automation.Name, step.Name, record.Status);
                var reason = record.Status == AutomationStepStatus.Refused ? HandOffReason.AutomationRefused : HandOffReason.AutomationFailed;
                var handedOff = conversation.With(
                    new TranscriptEntry(record.FinishedAt, TranscriptEntryKind.HandOff, "handed off: " + reason) { Intent = automation.Intent },
                    ConversationState.HandedOff,
                    null);
                Log.HandedOff(_logger, conversation.Id, reason);
                return new AutomationRunResult(run, handedOff, new SelfServiceHandOff(reason, handedOff, record.FinishedAt, null));
            }

            Log.StepCompleted(_logger, run.Id, automation.Name, step.Name, record.Attempt);
        }

        Log.AutomationCompleted(_logger, run.Id, automation.Name);
        return new AutomationRunResult(run.Status == AutomationRunStatus.Completed ? run : run.WithStatus(AutomationRunStatus.Completed), conversation, null);
    }

    private async Task<(AutomationStepRecord Record, IReadOnlyDictionary<string, string> Outputs)> AttemptAsync(
        AutomationDefinition automation, AutomationRun run, AutomationStep step, CancellationToken cancellationToken)
    {
        var attempt = run.Records.Count(r => string.Equals(r.Step, step.Name, StringComparison.Ordinal)) + 1;
        var key = string.Create(CultureInfo.InvariantCulture, $"{run.Id}/{step.Name}");
        var context = new AutomationStepContext(run.Id, automation.Name, step.Name, step.Kind, run.Customer, run.Data, attempt, key);
        var startedAt = _clock.GetCurrentInstant();

        AutomationStepResult result;
        try
        {
            result = await step.Execute(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A step is host code; whatever it throws must hand off to a person, never end the conversation.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.StepThrew(_logger, exception, run.Id, automation.Name, step.Name);
            result = AutomationStepResult.Failed("the step threw " + exception.GetType().Name);
        }

        var record = new AutomationStepRecord(step.Name, step.Kind, result.Status, result.Message, attempt, key, startedAt, _clock.GetCurrentInstant());
        return (record, result.Outputs);
    }

    private static string Describe(AutomationDefinition automation, AutomationStepRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"{automation.Name} → {record.Step} ({record.Kind}, attempt {record.Attempt}): {record.Status}. {record.Message}");
}
