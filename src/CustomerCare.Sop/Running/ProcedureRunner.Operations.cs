using System.Collections.Immutable;
using CustomerCare.Core;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Sop;

public sealed partial class ProcedureRunner
{
    /// <summary>Starts a concern on the latest version of its procedure, in the procedure's initial state.</summary>
    /// <param name="request">The concern, its type, the actor and initial fields.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled operation stores nothing.</param>
    /// <returns>
    /// Applied with the first snapshot (version 1), the audit entry and the initial state's entry intents; rejected
    /// with <see cref="RejectionReasons.AlreadyStarted"/> when the concern exists, or with the initial state's missing fields.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A field has an invalid name or a null or too long value.</exception>
    /// <exception cref="InvalidOperationException">No registered procedure serves the concern type, or the named procedure is not registered.</exception>
    public async Task<ProcedureResult> StartAsync(StartRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var fields = ValidateFields(request.Fields, "request.Fields");
        var definition = (request.ProcedureId is { } id ? _catalog.FindLatest(id) : _catalog.FindForConcernType(request.ConcernType))
            ?? throw new InvalidOperationException(
                $"No registered procedure serves concern type '{request.ConcernType}'{(request.ProcedureId is null ? string.Empty : $" with id '{request.ProcedureId}'")}. " +
                "Register one in the ProcedureCatalog, for example DefaultLifecycle.Definition.");
        var procedure = _catalog.FindCompiled(definition.Id, definition.Version)!;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await _locks.AcquireAsync(request.ConcernId, cancellationToken).ConfigureAwait(false))
                {
                    return await StartOnceAsync(procedure, request, fields, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ConcurrencyConflictException) when (attempt <= _conflictRetries)
            {
                LogConflict(request.ConcernId, attempt);
            }
        }
    }

    /// <summary>Marks a checklist step as completed.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="stepId">The step's identifier in the concern's procedure.</param>
    /// <param name="actor">Who completed it.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled operation stores nothing.</param>
    /// <returns>Applied with an audit entry of kind <see cref="AuditKind.StepCompleted"/>, or ignored with <see cref="RejectionReasons.StepAlreadyClosed"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> or <paramref name="actor"/> is default, or the procedure has no such step.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stepId"/> is null.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure state.</exception>
    /// <exception cref="InvalidOperationException">The concern's procedure version is not registered.</exception>
    public async Task<ProcedureResult> CompleteStepAsync(ConcernId concernId, string stepId, Actor actor, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        var step = Names.Normalize(Guard.NotNull(stepId));
        Actor.Require(actor);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await _locks.AcquireAsync(concernId, cancellationToken).ConfigureAwait(false))
                {
                    return await CompleteStepOnceAsync(concernId, step, actor, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ConcurrencyConflictException) when (attempt <= _conflictRetries)
            {
                LogConflict(concernId, attempt);
            }
        }
    }

    /// <summary>Moves a concern to a newer version of its procedure.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="targetVersion">The version to move to; it must be registered and newer than the concern's.</param>
    /// <param name="actor">Who moves it.</param>
    /// <param name="stateMap">Maps states that the new version renamed or removed to a state it has; optional.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled operation stores nothing.</param>
    /// <returns>Applied with an audit entry of kind <see cref="AuditKind.Migrated"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> or <paramref name="actor"/> is default, or <paramref name="targetVersion"/> is not newer than the concern's version or not registered.</exception>
    /// <exception cref="CustomerCareValidationException">The concern's state (after mapping) does not exist in the new version or has substates there.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure state.</exception>
    /// <remarks>
    /// The state entry and armed timers stay when the state keeps its name; a mapped state counts as a new entry and
    /// arms its timers from now. Checklist records of steps that the new version lacks are dropped.
    /// </remarks>
    public async Task<ProcedureResult> MigrateAsync(
        ConcernId concernId,
        int targetVersion,
        Actor actor,
        IReadOnlyDictionary<string, string>? stateMap = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        Actor.Require(actor);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await _locks.AcquireAsync(concernId, cancellationToken).ConfigureAwait(false))
                {
                    return await MigrateOnceAsync(concernId, targetVersion, actor, stateMap, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ConcurrencyConflictException) when (attempt <= _conflictRetries)
            {
                LogConflict(concernId, attempt);
            }
        }
    }

    /// <summary>Returns the triggers a person may fire on the concern now, with what each still needs.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The triggers whose guards hold on the stored concern, without timer triggers, in definition order of the
    /// current state and then its parents. Guards that read request fields see none here.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default.</exception>
    /// <exception cref="EntityNotFoundException">The concern has no procedure state.</exception>
    /// <exception cref="InvalidOperationException">The concern's procedure version is not registered.</exception>
    public async Task<IReadOnlyList<AvailableAction>> GetAvailableActionsAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);

        var snapshot = await LoadAsync(concernId, cancellationToken).ConfigureAwait(false);
        var procedure = Compiled(snapshot);
        var source = procedure.StateIndex[snapshot.State];
        var context = new GuardContext(snapshot, string.Empty, Actor.System, _clock.GetCurrentInstant());

        var run = new MachineRun(procedure, source, context, planned: null);
        var machine = MachineFactory.Create(procedure, run, source, target: -1);
        var permitted = (await machine.GetPermittedTriggersAsync().ConfigureAwait(false)).ToHashSet();

        var actions = new List<AvailableAction>();
        var seen = new HashSet<int>();
        for (var level = source; level >= 0; level = procedure.Parent[level])
        {
            foreach (var transition in procedure.Transitions[level])
            {
                var trigger = transition.Trigger;
                if (!permitted.Contains(trigger) || procedure.IsTimerTrigger[trigger] || !seen.Add(trigger))
                {
                    continue;
                }

                var triggerContext = new GuardContext(snapshot, procedure.TriggerNames[trigger], Actor.System, context.Now);
                var plan = TransitionPlanner.Plan(procedure, source, trigger, triggerContext, overrideAdvisorySteps: false);
                var chosen = plan.Transition!;
                var target = chosen.Kind == TransitionKind.Internal ? null : procedure.StateNames[chosen.Target];
                actions.Add(new AvailableAction(procedure.TriggerNames[trigger], target, chosen.Kind, plan.MissingFields, plan.OpenMandatorySteps, plan.OpenAdvisorySteps));
            }
        }

        return actions;
    }

    private async Task<ProcedureResult> StartOnceAsync(
        CompiledProcedure procedure, StartRequest request, ImmutableSortedDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var existing = await _store.FindAsync(request.ConcernId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return ProcedureResult.Rejected(existing, RejectionReasons.AlreadyStarted);
        }

        var now = _clock.GetCurrentInstant();
        var initial = procedure.StateNames[procedure.InitialState];
        var draft = ConcernSnapshot.Start(request.ConcernId, request.ConcernType, procedure.Id, procedure.Version, initial, now, fields, []);
        var context = new GuardContext(draft, "start", request.Actor, now, fields);
        var missing = TransitionPlanner.MissingFields(procedure, TransitionPlanner.StartPath(procedure), [], context);
        if (missing.Length > 0)
        {
            return ProcedureResult.Rejected(draft, RejectionReasons.MissingFields, missingFields: missing);
        }

        // Stateless has no start event, so the machine begins in a synthetic state whose only transition enters the
        // initial state: the initial state and its parents then record their entry intents like any other entry.
        var run = new MachineRun(procedure, procedure.StartState, context, planned: null);
        var machine = MachineFactory.CreateForStart(procedure, run);
        await machine.FireAsync(procedure.StartTrigger).ConfigureAwait(false);

        var snapshot = ConcernSnapshot.Start(request.ConcernId, request.ConcernType, procedure.Id, procedure.Version, initial, now, fields,
            Arm(procedure, procedure.InitialState, 1, now));
        var audit = AuditEntry.CreateTrusted(request.ConcernId, 1, AuditKind.Started, now, request.Actor, procedure.Id, procedure.Version,
            initial, initial, trigger: null, reason: null, fields, overriddenSteps: null, idempotencyKey: null, detail: null);
        var intents = Number(procedure, request.ConcernId, 1, run.Intents, now);
        await _store.SaveAsync(new ConcernChange(snapshot, 0, audit, intents), cancellationToken).ConfigureAwait(false);

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.ConcernStarted(_logger, request.ConcernId, procedure.Id, procedure.Version, initial);
        }

        return ProcedureResult.Applied(snapshot, audit, intents, []);
    }

    private async Task<ProcedureResult> CompleteStepOnceAsync(ConcernId concernId, string stepId, Actor actor, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(concernId, cancellationToken).ConfigureAwait(false);
        var procedure = Compiled(snapshot);
        if (!procedure.Definition.Checklist.Any(s => s.Id == stepId))
        {
            throw new ArgumentException(
                $"Procedure {procedure.Definition} has no checklist step '{stepId}'. Its steps are: {string.Join(", ", procedure.Definition.Checklist.Select(s => s.Id))}.",
                nameof(stepId));
        }

        if (snapshot.IsStepClosed(stepId))
        {
            return ProcedureResult.Ignored(snapshot, RejectionReasons.StepAlreadyClosed);
        }

        var now = _clock.GetCurrentInstant();
        StepRecord[] steps = [.. snapshot.StepArray, new StepRecord(stepId, StepStatus.Completed, actor, now)];
        var next = snapshot.With(snapshot.State, snapshot.StateEntry, snapshot.StateEnteredAt, now, snapshot.FieldMap, steps, snapshot.ApprovalArray, snapshot.TimerArray);
        var audit = AuditEntry.CreateTrusted(concernId, next.Version, AuditKind.StepCompleted, now, actor, procedure.Id, procedure.Version,
            snapshot.State, snapshot.State, trigger: null, reason: null, arguments: null, overriddenSteps: null, idempotencyKey: null, detail: stepId);
        await _store.SaveAsync(new ConcernChange(next, snapshot.Version, audit), cancellationToken).ConfigureAwait(false);

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.StepCompleted(_logger, concernId, stepId, next.Version);
        }

        return ProcedureResult.Applied(next, audit, [], []);
    }

    private async Task<ProcedureResult> MigrateOnceAsync(
        ConcernId concernId, int targetVersion, Actor actor, IReadOnlyDictionary<string, string>? stateMap, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(concernId, cancellationToken).ConfigureAwait(false);
        if (targetVersion <= snapshot.ProcedureVersion)
        {
            throw new ArgumentException(
                $"Concern {concernId} follows {snapshot.ProcedureId} v{snapshot.ProcedureVersion}; it can only move to a newer version, not v{targetVersion}.",
                nameof(targetVersion));
        }

        var target = _catalog.FindCompiled(snapshot.ProcedureId, targetVersion)
            ?? throw new ArgumentException(
                $"Procedure '{snapshot.ProcedureId}' v{targetVersion} is not registered. Register it in the ProcedureCatalog first.", nameof(targetVersion));

        var stateName = stateMap is not null && stateMap.TryGetValue(snapshot.State, out var mapped) ? Names.Normalize(mapped) : snapshot.State;
        var path = $"migration of {concernId} to {target.Definition} → state '{snapshot.State}'";
        if (!target.StateIndex.TryGetValue(stateName, out var state))
        {
            throw new CustomerCareValidationException(new ValidationError(path, "has no counterpart in the new version", "Map it to a state of the new version with stateMap.", stateName));
        }

        if (target.IsComposite[state])
        {
            throw new CustomerCareValidationException(new ValidationError(path, "maps to a state with substates, where a concern cannot rest", "Map it to one of the substates.", stateName));
        }

        var now = _clock.GetCurrentInstant();
        var renamed = stateName != snapshot.State;
        var stateEntry = renamed ? snapshot.StateEntry + 1 : snapshot.StateEntry;
        var armed = renamed ? Arm(target, state, stateEntry, now) : KeepTimers(target, state, snapshot, now);
        var steps = snapshot.StepArray.Where(s => target.Definition.Checklist.Any(c => c.Id == s.StepId)).ToArray();
        var next = snapshot.With(stateName, stateEntry, renamed ? now : snapshot.StateEnteredAt, now, snapshot.FieldMap, steps, snapshot.ApprovalArray, armed,
            target.Id, target.Version);
        var audit = AuditEntry.CreateTrusted(concernId, next.Version, AuditKind.Migrated, now, actor, target.Id, target.Version,
            snapshot.State, stateName, trigger: null, reason: null, arguments: null, overriddenSteps: null, idempotencyKey: null,
            detail: $"v{snapshot.ProcedureVersion}");
        await _store.SaveAsync(new ConcernChange(next, snapshot.Version, audit), cancellationToken).ConfigureAwait(false);

        if (_logger.IsEnabled(LogLevel.Information))
        {
            Log.ProcedureMigrated(_logger, concernId, target.Id, snapshot.ProcedureVersion, target.Version, snapshot.State, stateName);
        }

        return ProcedureResult.Applied(next, audit, [], []);
    }

    private ArmedTimer[] KeepTimers(CompiledProcedure target, int state, ConcernSnapshot snapshot, NodaTime.Instant now)
    {
        // A timer the new version still defines keeps its due time; a new timer is armed from now; a removed one is dropped.
        var timers = target.State(state).Timers;
        var armed = new ArmedTimer[timers.Count];
        for (var i = 0; i < armed.Length; i++)
        {
            var existing = Array.Find(snapshot.TimerArray, t => t.Name == timers[i].Name && t.Trigger == timers[i].Trigger);
            armed[i] = existing.Name is not null
                ? existing
                : new ArmedTimer(timers[i].Name, timers[i].Trigger, snapshot.State, snapshot.StateEntry, timers[i].Delay.DueFrom(now, _calendar));
        }

        return armed;
    }
}
