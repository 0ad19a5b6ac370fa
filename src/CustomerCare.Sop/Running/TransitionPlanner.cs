namespace CustomerCare.Sop;

/// <summary>
/// Finds the transition for a trigger and checks its required fields and checklist steps, without changing anything.
/// </summary>
/// <remarks>
/// The search mirrors Stateless 5.20. The current state's transitions for the trigger are tried first, and when none
/// of their guards holds, the parent's are tried, and so on up the hierarchy. The machine that then fires the trigger must take the same
/// transition, which <see cref="ProcedureRunner"/> checks.
/// </remarks>
internal static class TransitionPlanner
{
    public static TransitionPlan Plan(CompiledProcedure procedure, int state, int trigger, in GuardContext context, bool overrideAdvisorySteps)
    {
        var transition = Find(procedure, state, trigger, context, out var unmetGuards);
        if (transition is null)
        {
            var reason = unmetGuards is null ? RejectionReasons.UnknownTrigger : RejectionReasons.UnmetGuards;
            return new TransitionPlan(null, reason, unmetGuards?.ToArray() ?? [], [], [], []);
        }

        var missing = MissingFields(procedure, state, transition, context);
        var (mandatory, advisory) = OpenSteps(procedure, state, transition, context.Snapshot);
        var reasons = RejectionReasons.None;
        if (missing.Length > 0)
        {
            reasons |= RejectionReasons.MissingFields;
        }

        if (mandatory.Length > 0)
        {
            reasons |= RejectionReasons.OpenMandatorySteps;
        }

        if (advisory.Length > 0 && !overrideAdvisorySteps)
        {
            reasons |= RejectionReasons.OpenAdvisorySteps;
        }

        return new TransitionPlan(transition, reasons, [], missing, mandatory, advisory);
    }

    public static CompiledTransition? Find(CompiledProcedure procedure, int state, int trigger, in GuardContext context, out List<string>? unmetGuards)
    {
        unmetGuards = null;
        for (var level = state; level >= 0; level = procedure.Parent[level])
        {
            CompiledTransition? chosen = null;
            foreach (var transition in procedure.Transitions[level])
            {
                if (transition.Trigger != trigger)
                {
                    continue;
                }

                if (transition.Guard is not null && !transition.Guard(context))
                {
                    (unmetGuards ??= []).Add(transition.GuardName!);
                    continue;
                }

                if (chosen is not null)
                {
                    throw new InvalidOperationException(
                        $"Guards '{chosen.GuardName}' and '{transition.GuardName}' of trigger '{procedure.TriggerNames[trigger]}' in state " +
                        $"'{procedure.StateNames[level]}' of procedure {procedure.Definition} both hold for concern {context.Snapshot.Id}. " +
                        "Guards of one trigger must be mutually exclusive: fix the guard implementations.");
                }

                chosen = transition;
            }

            if (chosen is not null)
            {
                return chosen;
            }
        }

        return null;
    }

    /// <summary>Returns the states a transition leaves, innermost first, and enters, outermost first.</summary>
    public static (int[] Exited, int[] Entered) Path(CompiledProcedure procedure, int source, CompiledTransition transition)
    {
        if (transition.Kind == TransitionKind.Internal)
        {
            return ([], []);
        }

        var target = transition.Target;
        if (target == source)
        {
            // A reentry: Stateless 5.20 runs the state's exit and entry once each and leaves its parents alone.
            // Validation rejects a parent's transition into its own substate, which Stateless would not run at all.
            return ([source], [source]);
        }

        var ancestor = procedure.CommonAncestor(source, target);
        var exited = new List<int>();
        for (var s = source; s != ancestor; s = procedure.Parent[s])
        {
            exited.Add(s);
        }

        var entered = new List<int>();
        for (var s = target; s != ancestor; s = procedure.Parent[s])
        {
            entered.Add(s);
        }

        entered.Reverse();
        return (exited.ToArray(), entered.ToArray());
    }

    /// <summary>Returns the initial state and its parents, outermost first: the states a start enters.</summary>
    public static int[] StartPath(CompiledProcedure procedure)
    {
        var entered = new List<int>();
        for (var s = procedure.InitialState; s >= 0; s = procedure.Parent[s])
        {
            entered.Add(s);
        }

        entered.Reverse();
        return entered.ToArray();
    }

    public static string[] MissingFields(CompiledProcedure procedure, int[] entered, IReadOnlyList<string> transitionFields, in GuardContext context)
    {
        List<string>? missing = null;
        foreach (var field in transitionFields)
        {
            AddIfMissing(ref missing, field, context);
        }

        foreach (var state in entered)
        {
            foreach (var field in procedure.State(state).RequiredFields)
            {
                AddIfMissing(ref missing, field, context);
            }
        }

        return missing?.ToArray() ?? [];
    }

    private static string[] MissingFields(CompiledProcedure procedure, int source, CompiledTransition transition, in GuardContext context)
    {
        if (transition.Definition.RequiredFields.Count == 0 && transition.Kind == TransitionKind.Internal)
        {
            return [];
        }

        var (_, entered) = Path(procedure, source, transition);
        return MissingFields(procedure, entered, transition.Definition.RequiredFields, context);
    }

    private static (string[] Mandatory, string[] Advisory) OpenSteps(CompiledProcedure procedure, int source, CompiledTransition transition, ConcernSnapshot snapshot)
    {
        if (transition.Kind == TransitionKind.Internal)
        {
            return ([], []);
        }

        List<string>? mandatory = null;
        List<string>? advisory = null;
        var (_, entered) = Path(procedure, source, transition);
        foreach (var state in entered)
        {
            foreach (var step in procedure.StepsBefore[state])
            {
                if (snapshot.IsStepClosed(step.Id))
                {
                    continue;
                }

                if (step.Severity == StepSeverity.Mandatory)
                {
                    (mandatory ??= []).Add(step.Id);
                }
                else
                {
                    (advisory ??= []).Add(step.Id);
                }
            }
        }

        return (mandatory?.ToArray() ?? [], advisory?.ToArray() ?? []);
    }

    private static void AddIfMissing(ref List<string>? missing, string field, in GuardContext context)
    {
        if (string.IsNullOrWhiteSpace(context.GetField(field)) && (missing is null || !missing.Contains(field, StringComparer.Ordinal)))
        {
            (missing ??= []).Add(field);
        }
    }
}
