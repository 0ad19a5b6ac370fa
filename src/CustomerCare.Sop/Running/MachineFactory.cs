using Stateless;

namespace CustomerCare.Sop;

/// <summary>
/// Builds the Stateless machine for one operation from a compiled procedure.
/// </summary>
/// <remarks>
/// <para>
/// A machine is never shared: each operation gets its own, with external state storage pointing at its
/// <see cref="MachineRun"/>, queued firing, and <c>FireAsync</c> only. Stateless machines are not thread-safe and
/// cannot be split into a shared definition and per-instance state, so the compiled procedure is the shared part.
/// </para>
/// <para>
/// Only what an operation can touch is configured. The current state and its parents get the planned transition, or
/// all their transitions when the available actions are listed. The target state and its parents get their entry
/// and exit actions. Stateless then evaluates the guard again and runs the exits and entries in its own order, which
/// the runner checks against the plan. A full machine configures every state and serves comparisons.
/// </para>
/// </remarks>
internal static class MachineFactory
{
    public static StateMachine<int, int> Create(CompiledProcedure procedure, MachineRun run, int source, int target, CompiledTransition? only = null)
    {
        var machine = NewMachine(run);
        for (var s = source; s >= 0; s = procedure.Parent[s])
        {
            ConfigureState(machine, procedure, run, s, only);
        }

        for (var s = target; s >= 0 && !Contains(procedure, source, s); s = procedure.Parent[s])
        {
            ConfigureActions(machine.Configure(s), procedure, run, s);
        }

        return machine;
    }

    public static StateMachine<int, int> CreateForStart(CompiledProcedure procedure, MachineRun run)
    {
        var machine = NewMachine(run);
        machine.Configure(procedure.StartState).Permit(procedure.StartTrigger, procedure.InitialState);
        for (var s = procedure.InitialState; s >= 0; s = procedure.Parent[s])
        {
            ConfigureActions(machine.Configure(s), procedure, run, s);
        }

        return machine;
    }

    public static StateMachine<int, int> CreateFull(CompiledProcedure procedure, MachineRun run)
    {
        var machine = NewMachine(run);
        for (var s = 0; s < procedure.StateNames.Length; s++)
        {
            ConfigureState(machine, procedure, run, s, only: null);
        }

        return machine;
    }

    private static StateMachine<int, int> NewMachine(MachineRun run)
    {
        var machine = new StateMachine<int, int>(() => run.State, s => run.State = s, FiringMode.Queued);
        machine.OnTransitioned(t => run.OnTransitioned(t.Destination));
        machine.OnTransitionCompleted(_ => run.OnCompleted());
        machine.OnUnhandledTrigger((_, _) => run.Unhandled = true);
        return machine;
    }

    private static bool Contains(CompiledProcedure procedure, int state, int ancestor)
    {
        for (var s = state; s >= 0; s = procedure.Parent[s])
        {
            if (s == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static void ConfigureState(StateMachine<int, int> machine, CompiledProcedure procedure, MachineRun run, int state, CompiledTransition? only)
    {
        var configuration = machine.Configure(state);
        ConfigureActions(configuration, procedure, run, state);
        foreach (var transition in procedure.Transitions[state])
        {
            if (only is not null && !ReferenceEquals(transition, only))
            {
                continue;
            }

            var guard = transition.Guard;
            switch (transition.Kind)
            {
                case TransitionKind.Permit when guard is null:
                    configuration.Permit(transition.Trigger, transition.Target);
                    break;
                case TransitionKind.Permit:
                    configuration.PermitIf(transition.Trigger, transition.Target, () => guard(run.Context), transition.GuardName);
                    break;
                case TransitionKind.Reentry when guard is null:
                    configuration.PermitReentry(transition.Trigger);
                    break;
                case TransitionKind.Reentry:
                    configuration.PermitReentryIf(transition.Trigger, () => guard(run.Context), transition.GuardName);
                    break;
                // The async overloads, because Stateless 5.20 runs a synchronous internal action on a thread-pool
                // thread and blocks the caller until it finishes.
                case TransitionKind.Internal when guard is null:
                    configuration.InternalTransitionAsync(transition.Trigger, _ => run.OnInternal(transition));
                    break;
                default:
                    configuration.InternalTransitionAsyncIf(transition.Trigger, () => guard!(run.Context), _ => run.OnInternal(transition));
                    break;
            }
        }
    }

    private static void ConfigureActions(StateMachine<int, int>.StateConfiguration configuration, CompiledProcedure procedure, MachineRun run, int state)
    {
        var parent = procedure.Parent[state];
        if (parent >= 0)
        {
            configuration.SubstateOf(parent);
        }

        var definition = procedure.State(state);
        if (definition.EntryIntents.Count > 0)
        {
            configuration.OnEntry(() => run.OnEntry(state), "record entry intents");
        }

        if (definition.ExitIntents.Count > 0)
        {
            configuration.OnExit(() => run.OnExit(state), "record exit intents");
        }
    }
}
