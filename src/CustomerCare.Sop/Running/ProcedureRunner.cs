using System.Collections.Immutable;
using CustomerCare.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// Runs concerns through their procedures: starts them, fires triggers and timers, completes checklist steps,
/// migrates them to newer procedure versions, and lists the actions available to a UI.
/// </summary>
/// <remarks>
/// <para>
/// Every operation loads the concern's snapshot, builds a Stateless machine for it from the compiled procedure,
/// fires the trigger with <c>FireAsync</c> in queued mode, and stores the new snapshot with its audit entry and
/// outbox intents in one write. The machine keeps its state in the operation, so the store is the only place that keeps it between operations.
/// </para>
/// <para>
/// Operations on the same concern never interleave within one runner. Runners in other processes are kept apart by
/// the store's optimistic versions: a write that loses is retried on the new snapshot up to
/// <see cref="ProcedureRunnerOptions.ConflictRetries"/> times.
/// </para>
/// <para>
/// Rejections are results: an unknown trigger for the state, unmet guards, missing fields and open mandatory or
/// advisory steps. Exceptions mean a programmer error, such as a concern that does not exist, a procedure version
/// that is not registered, or guards that hold at the same time.
/// </para>
/// <para>This type is thread-safe. Create one per host and share it.</para>
/// </remarks>
public sealed partial class ProcedureRunner
{
    private const int MaxFieldValueLength = 10_000;

    private readonly ProcedureCatalog _catalog;
    private readonly IConcernSnapshotStore _store;
    private readonly IClock _clock;
    private readonly IBusinessCalendar? _calendar;
    private readonly ILogger _logger;
    private readonly int _conflictRetries;
    private readonly ConcernLocks _locks = new();

    /// <summary>Initializes a new runner.</summary>
    /// <param name="catalog">The registered procedures.</param>
    /// <param name="store">The store of concern snapshots.</param>
    /// <param name="clock">The source of the current time.</param>
    /// <param name="calendar">The business calendar for timers that count business time or days; required only by such timers.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="options">The settings; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/>, <paramref name="store"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ProcedureRunnerOptions.ConflictRetries"/> is outside 0 to 100.</exception>
    public ProcedureRunner(
        ProcedureCatalog catalog,
        IConcernSnapshotStore store,
        IClock clock,
        IBusinessCalendar? calendar = null,
        ILogger<ProcedureRunner>? logger = null,
        ProcedureRunnerOptions? options = null)
    {
        _catalog = Guard.NotNull(catalog);
        _store = Guard.NotNull(store);
        _clock = Guard.NotNull(clock);
        _calendar = calendar;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _conflictRetries = Guard.InRange((options ?? new ProcedureRunnerOptions()).ConflictRetries, 0, 100, "options.ConflictRetries");
    }

    /// <summary>Fires a trigger on a concern.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="request">The trigger, the actor, and the fields and reason they bring.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled operation stores nothing.</param>
    /// <returns>
    /// Applied with the new snapshot, audit entry and intents; rejected with the reasons; or a duplicate of an earlier
    /// request with the same idempotency key.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="concernId"/> is default, a request field has an invalid name or a null or too long value, or
    /// the trigger is fired by a timer of the procedure and must go through <see cref="FireTimerAsync"/>.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure state; start it first.</exception>
    /// <exception cref="InvalidOperationException">The concern's procedure version is not registered, or two guards of the trigger hold at once.</exception>
    /// <exception cref="ConcurrencyConflictException">Other writers won more often than <see cref="ProcedureRunnerOptions.ConflictRetries"/> allows.</exception>
    public async Task<ProcedureResult> FireAsync(ConcernId concernId, TriggerRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        Guard.NotNull(request);
        var fields = ValidateFields(request.Fields, "request.Fields");

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await _locks.AcquireAsync(concernId, cancellationToken).ConfigureAwait(false))
                {
                    return await FireOnceAsync(concernId, request, fields, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ConcurrencyConflictException) when (attempt <= _conflictRetries)
            {
                LogConflict(concernId, attempt);
            }
        }
    }

    /// <summary>Fires a due timer, unless the concern has left the state or state entry the timer was armed for.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="timer">The armed timer, as listed by <see cref="IConcernSnapshotStore.ListDueTimersAsync"/> or read from a snapshot.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled operation stores nothing.</param>
    /// <returns>
    /// Applied by <see cref="Actor.System"/>; ignored with <see cref="RejectionReasons.StaleTimer"/> when the timer is no
    /// longer armed; rejected with <see cref="RejectionReasons.TimerNotDue"/> before its due time, or with the
    /// procedure's reasons.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> or <paramref name="timer"/> is default.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure state.</exception>
    /// <exception cref="InvalidOperationException">The concern's procedure version is not registered, or the timer's trigger is unknown to it.</exception>
    /// <exception cref="ConcurrencyConflictException">Other writers won more often than <see cref="ProcedureRunnerOptions.ConflictRetries"/> allows.</exception>
    /// <remarks>
    /// NOTE: a timer whose trigger the procedure rejects, for example by a guard, stays armed and is listed as due
    /// again. Hosts should log such results and not retry them in a tight loop.
    /// </remarks>
    public async Task<ProcedureResult> FireTimerAsync(ConcernId concernId, ArmedTimer timer, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        if (timer.Name is null)
        {
            throw new ArgumentException("The timer is default(ArmedTimer). Pass a timer read from a snapshot or a store.", nameof(timer));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await _locks.AcquireAsync(concernId, cancellationToken).ConfigureAwait(false))
                {
                    return await FireTimerOnceAsync(concernId, timer, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ConcurrencyConflictException) when (attempt <= _conflictRetries)
            {
                LogConflict(concernId, attempt);
            }
        }
    }

    private async Task<ProcedureResult> FireOnceAsync(
        ConcernId concernId, TriggerRequest request, ImmutableSortedDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(concernId, cancellationToken).ConfigureAwait(false);
        if (request.IdempotencyKey is { } key)
        {
            var earlier = await _store.FindByIdempotencyKeyAsync(concernId, key, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                LogDuplicate(concernId, earlier.Version);
                return ProcedureResult.Duplicate(snapshot, earlier);
            }
        }

        var procedure = Compiled(snapshot);
        if (!procedure.TriggerIndex.TryGetValue(request.Trigger, out var trigger))
        {
            LogRejected(snapshot, request.Trigger, RejectionReasons.UnknownTrigger);
            return ProcedureResult.Rejected(snapshot, RejectionReasons.UnknownTrigger);
        }

        if (procedure.IsTimerTrigger[trigger])
        {
            throw new ArgumentException(
                $"Trigger '{request.Trigger}' of procedure {procedure.Definition} is fired by a timer. Fire it with FireTimerAsync and the armed timer, so stale timers are ignored.",
                nameof(request));
        }

        var operation = new Operation(request.Actor, request.Reason, fields, request.IdempotencyKey, request.OverrideAdvisorySteps, TimerName: null);
        return await ApplyAsync(procedure, snapshot, trigger, operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcedureResult> FireTimerOnceAsync(ConcernId concernId, ArmedTimer timer, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(concernId, cancellationToken).ConfigureAwait(false);

        // Stores keep instants to the microsecond, so a timer taken from a result can be finer than the stored one.
        // The timer is therefore found by name, trigger, state and state entry, and the stored due time decides.
        var armed = Array.FindIndex(snapshot.TimerArray, t => t.Name == timer.Name && t.Trigger == timer.Trigger && t.State == timer.State && t.StateEntry == timer.StateEntry);
        if (armed < 0 || snapshot.State != timer.State || snapshot.StateEntry != timer.StateEntry)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.StaleTimerIgnored(_logger, concernId, timer.Name, timer.State, timer.StateEntry, snapshot.State, snapshot.StateEntry);
            }

            return ProcedureResult.Ignored(snapshot, RejectionReasons.StaleTimer);
        }

        if (snapshot.TimerArray[armed].DueAt > _clock.GetCurrentInstant())
        {
            return ProcedureResult.Rejected(snapshot, RejectionReasons.TimerNotDue);
        }

        var procedure = Compiled(snapshot);
        if (!procedure.TriggerIndex.TryGetValue(timer.Trigger, out var trigger))
        {
            throw new InvalidOperationException($"Timer '{timer.Name}' fires trigger '{timer.Trigger}', which procedure {procedure.Definition} does not define.");
        }

        var operation = new Operation(Actor.System, Reason: null, ConcernSnapshot.EmptyFields, IdempotencyKey: null, OverrideAdvisorySteps: false, timer.Name);
        return await ApplyAsync(procedure, snapshot, trigger, operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcedureResult> ApplyAsync(
        CompiledProcedure procedure, ConcernSnapshot snapshot, int trigger, Operation operation, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var source = procedure.StateIndex[snapshot.State];
        var triggerName = procedure.TriggerNames[trigger];
        var context = new GuardContext(snapshot, triggerName, operation.Actor, now, operation.Fields);

        var plan = TransitionPlanner.Plan(procedure, source, trigger, context, operation.OverrideAdvisorySteps);
        if (plan.IsRejected)
        {
            LogRejected(snapshot, triggerName, plan.Reasons);
            return ProcedureResult.Rejected(snapshot, plan.Reasons, plan.UnmetGuards, plan.MissingFields, plan.OpenMandatorySteps, plan.OpenAdvisorySteps);
        }

        var transition = plan.Transition!;
        var run = new MachineRun(procedure, source, context, transition);
        var machine = MachineFactory.Create(procedure, run, source, transition.Target, transition);
        await machine.FireAsync(trigger).ConfigureAwait(false);
        var destination = transition.Kind == TransitionKind.Internal ? source : transition.Target;
        VerifyMachine(procedure, run, source, destination, triggerName);

        var version = snapshot.Version + 1;
        var overridden = plan.OpenAdvisorySteps;
        var next = NextSnapshot(procedure, snapshot, source, transition, operation, overridden, now);
        var kind = transition.Kind == TransitionKind.Internal ? AuditKind.Internal : AuditKind.Transitioned;
        var audit = AuditEntry.CreateTrusted(
            snapshot.Id, version, kind, now, operation.Actor, procedure.Id, procedure.Version, snapshot.State, next.State, triggerName,
            operation.Reason, operation.Fields, overridden, operation.IdempotencyKey, operation.TimerName);
        var intents = Number(procedure, snapshot.Id, version, run.Intents, now);

        await _store.SaveAsync(new ConcernChange(next, snapshot.Version, audit, intents), cancellationToken).ConfigureAwait(false);

        LogApplied(next, triggerName, snapshot.State, operation, overridden.Length);
        return ProcedureResult.Applied(next, audit, intents, overridden);
    }

    private ConcernSnapshot NextSnapshot(
        CompiledProcedure procedure,
        ConcernSnapshot snapshot,
        int source,
        CompiledTransition transition,
        Operation operation,
        string[] overridden,
        Instant now)
    {
        var fields = Merge(snapshot.FieldMap, operation.Fields);
        var steps = snapshot.StepArray;
        if (overridden.Length > 0)
        {
            steps = [.. steps, .. overridden.Select(id => new StepRecord(id, StepStatus.Overridden, operation.Actor, now))];
        }

        var approvals = snapshot.ApprovalArray;
        if (procedure.State(transition.Owner).IsApprovalGate && transition.Kind == TransitionKind.Permit)
        {
            var decision = transition.Definition.Trigger == StateDefinition.DeclineTrigger ? ApprovalDecision.Declined : ApprovalDecision.Approved;
            approvals = [.. approvals, new ApprovalRecord(procedure.StateNames[transition.Owner], decision, operation.Actor, now, snapshot.Version + 1)];
        }

        if (transition.Kind == TransitionKind.Internal)
        {
            var timers = operation.TimerName is null ? snapshot.TimerArray : snapshot.TimerArray.Where(t => t.Name != operation.TimerName).ToArray();
            return snapshot.With(snapshot.State, snapshot.StateEntry, snapshot.StateEnteredAt, now, fields, steps, approvals, timers);
        }

        // Leaving a state drops the timers armed for it; only states without substates arm timers, and the source is
        // always one of them. The target arms its own timers for the new state entry.
        var stateEntry = snapshot.StateEntry + 1;
        var target = transition.Target;
        var armed = Arm(procedure, target, stateEntry, now);
        return snapshot.With(procedure.StateNames[target], stateEntry, now, now, fields, steps, approvals, armed);
    }

    private ArmedTimer[] Arm(CompiledProcedure procedure, int state, long stateEntry, Instant now)
    {
        var timers = procedure.State(state).Timers;
        if (timers.Count == 0)
        {
            return [];
        }

        var armed = new ArmedTimer[timers.Count];
        for (var i = 0; i < armed.Length; i++)
        {
            var timer = timers[i];
            armed[i] = new ArmedTimer(timer.Name, timer.Trigger, procedure.StateNames[state], stateEntry, timer.Delay.DueFrom(now, _calendar));
        }

        return armed;
    }

    private static OutboxIntent[] Number(CompiledProcedure procedure, ConcernId concernId, long version, IReadOnlyList<RecordedIntent> recorded, Instant now)
    {
        if (recorded.Count == 0)
        {
            return [];
        }

        var intents = new OutboxIntent[recorded.Count];
        for (var i = 0; i < intents.Length; i++)
        {
            var r = recorded[i];
            intents[i] = new OutboxIntent(concernId, version, i, r.Intent.Kind, r.Intent.Parameter, procedure.StateNames[r.State], r.Phase, now);
        }

        return intents;
    }

    private static void VerifyMachine(CompiledProcedure procedure, MachineRun run, int source, int destination, string trigger)
    {
        var expected = run.Planned!.Kind == TransitionKind.Internal ? run.InternalFired : run.Completed;
        if (run.Unhandled || !expected || run.State != destination)
        {
            var actual = run.State >= 0 && run.State < procedure.StateNames.Length ? procedure.StateNames[run.State] : run.State.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new InvalidOperationException(
                $"The Stateless machine of procedure {procedure.Definition} fired '{trigger}' from '{procedure.StateNames[source]}' into '{actual}', " +
                $"but the planned target was '{procedure.StateNames[destination]}'. This is a bug in CustomerCare.Sop; nothing was stored.");
        }
    }

    private async Task<ConcernSnapshot> LoadAsync(ConcernId concernId, CancellationToken cancellationToken) =>
        await _store.FindAsync(concernId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Concern", concernId.ToString());

    private CompiledProcedure Compiled(ConcernSnapshot snapshot) =>
        _catalog.FindCompiled(snapshot.ProcedureId, snapshot.ProcedureVersion)
            ?? throw new InvalidOperationException(
                $"Concern {snapshot.Id} follows procedure '{snapshot.ProcedureId}' v{snapshot.ProcedureVersion}, which is not registered. " +
                "Register every version that stored concerns follow in the ProcedureCatalog.");

    private static ImmutableSortedDictionary<string, string> Merge(ImmutableSortedDictionary<string, string> stored, ImmutableSortedDictionary<string, string> requested)
    {
        if (requested.IsEmpty)
        {
            return stored;
        }

        if (stored.IsEmpty)
        {
            return requested;
        }

        return stored.SetItems(requested);
    }

    private static ImmutableSortedDictionary<string, string> ValidateFields(IReadOnlyDictionary<string, string>? fields, string paramName)
    {
        if (fields is null || fields.Count == 0)
        {
            return ConcernSnapshot.EmptyFields;
        }

        var builder = ConcernSnapshot.EmptyFields.ToBuilder();
        foreach (var (name, value) in fields)
        {
            if (!Names.IsValid(name, out var reason))
            {
                throw new ArgumentException(
                    $"Field name '{name}' is invalid because {reason}. Use the lower-case names the procedure requires, such as 'resolution-code'.", paramName);
            }

            if (value is null || value.Length > MaxFieldValueLength)
            {
                throw new ArgumentException(
                    $"Field '{name}' has {(value is null ? "a null value" : $"{value.Length} characters")}; values must be text of at most {MaxFieldValueLength} characters.", paramName);
            }

            builder[name] = value;
        }

        return builder.ToImmutable();
    }

    private void LogConflict(ConcernId concernId, int attempt)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            Log.ConcurrencyConflictRetried(_logger, concernId, attempt, _conflictRetries);
        }
    }

    private void LogDuplicate(ConcernId concernId, long version)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.DuplicateRequest(_logger, concernId, version);
        }
    }

    private void LogRejected(ConcernSnapshot snapshot, string trigger, RejectionReasons reasons)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.TransitionRejected(_logger, snapshot.Id, trigger, snapshot.State, reasons);
        }
    }

    private void LogApplied(ConcernSnapshot next, string trigger, string fromState, Operation operation, int overridden)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.TransitionApplied(_logger, next.Id, trigger, fromState, next.State, next.Version);
        }

        if (overridden > 0 && _logger.IsEnabled(LogLevel.Information))
        {
            Log.AdvisoryStepsOverridden(_logger, next.Id, next.Version, operation.Actor.Id, overridden);
        }
    }

    private readonly record struct Operation(
        Actor Actor,
        string? Reason,
        ImmutableSortedDictionary<string, string> Fields,
        string? IdempotencyKey,
        bool OverrideAdvisorySteps,
        string? TimerName);
}
