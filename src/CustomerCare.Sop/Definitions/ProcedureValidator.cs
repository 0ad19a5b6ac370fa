using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>
/// Checks a procedure definition and lists every problem, each with the state, trigger or step it concerns.
/// </summary>
internal static class ProcedureValidator
{
    public static List<ValidationError> Validate(ProcedureDefinition definition, ProcedureGuards? guards)
    {
        var errors = new List<ValidationError>();
        var root = $"procedure '{definition.Id}' v{definition.Version}";

        CheckName(errors, root, "id", definition.Id);
        if (definition.Version < 1)
        {
            errors.Add(new ValidationError(root, "has a version below 1", "Number versions from 1.", definition.Version.ToString(CultureInfo.InvariantCulture)));
        }

        CheckConcernTypes(errors, root, definition);
        var states = CheckStateNames(errors, root, definition);
        var children = CheckHierarchy(errors, root, definition, states);
        CheckInitialState(errors, root, definition, states, children);

        var timerNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in definition.States)
        {
            CheckState(errors, $"{root} → state '{state.Name}'", state, states, children, guards, timerNames);
        }

        CheckChecklist(errors, root, definition, states, children);
        if (errors.Count == 0)
        {
            CheckReachability(errors, root, definition, states, children);
        }

        return errors;
    }

    private static void CheckName(List<ValidationError> errors, string path, string what, string? name)
    {
        if (!Names.IsValid(name, out var reason))
        {
            errors.Add(new ValidationError(path, $"has an invalid {what} because {reason}",
                "Use 1 to 64 lower-case ASCII letters, digits, '-', '_' or '.', starting with a letter, such as 'in-progress'.", name));
        }
    }

    private static void CheckConcernTypes(List<ValidationError> errors, string root, ProcedureDefinition definition)
    {
        if (definition.ConcernTypes.Count == 0)
        {
            errors.Add(new ValidationError(root, "applies to no concern type", "Name the concern types it applies to, such as 'incident'."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in definition.ConcernTypes)
        {
            CheckName(errors, root, "concern type", type);
            if (!seen.Add(type))
            {
                errors.Add(new ValidationError(root, $"names concern type '{type}' twice", "Remove the duplicate.", type));
            }
        }
    }

    private static Dictionary<string, StateDefinition> CheckStateNames(List<ValidationError> errors, string root, ProcedureDefinition definition)
    {
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        if (definition.States.Count == 0)
        {
            errors.Add(new ValidationError(root, "has no states", "Define at least an initial and a final state."));
        }

        foreach (var state in definition.States)
        {
            CheckName(errors, $"{root} → state '{state.Name}'", "name", state.Name);
            if (!states.TryAdd(state.Name, state))
            {
                errors.Add(new ValidationError($"{root} → state '{state.Name}'", "is a duplicate id: another state has this name",
                    "Give each state its own name, or merge the two definitions.", state.Name));
            }
        }

        return states;
    }

    private static Dictionary<string, List<string>> CheckHierarchy(
        List<ValidationError> errors, string root, ProcedureDefinition definition, Dictionary<string, StateDefinition> states)
    {
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var state in definition.States)
        {
            if (state.Parent is null)
            {
                continue;
            }

            var path = $"{root} → state '{state.Name}'";
            if (!states.TryGetValue(state.Parent, out var parent))
            {
                errors.Add(new ValidationError(path, "is a substate of an undefined state", "Define the parent state or fix its name.", state.Parent));
                continue;
            }

            if (!children.TryGetValue(parent.Name, out var list))
            {
                children[parent.Name] = list = [];
            }

            if (!list.Contains(state.Name, StringComparer.Ordinal))
            {
                list.Add(state.Name);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { state.Name };
            for (var ancestor = state.Parent; ancestor is not null; ancestor = states.GetValueOrDefault(ancestor)?.Parent)
            {
                if (!seen.Add(ancestor))
                {
                    errors.Add(new ValidationError(path, "is its own ancestor", "Break the cycle of parent states.", ancestor));
                    break;
                }
            }
        }

        foreach (var (name, _) in children)
        {
            var composite = states[name];
            var path = $"{root} → state '{name}'";
            if (composite.IsFinal)
            {
                errors.Add(new ValidationError(path, "is final but has substates", "Make the substates final instead, or remove Final()."));
            }

            if (composite.IsApprovalGate)
            {
                errors.Add(new ValidationError(path, "is an approval gate but has substates", "Make the approval gate a state without substates."));
            }

            if (composite.Timers.Count > 0)
            {
                errors.Add(new ValidationError(path, "arms timers but has substates, where every move between substates would make them stale",
                    "Arm the timers on the substates."));
            }
        }

        return children;
    }

    private static void CheckInitialState(
        List<ValidationError> errors, string root, ProcedureDefinition definition, Dictionary<string, StateDefinition> states, Dictionary<string, List<string>> children)
    {
        if (string.IsNullOrEmpty(definition.InitialState))
        {
            errors.Add(new ValidationError(root, "has no initial state", "Set the state that concerns start in."));
        }
        else if (!states.TryGetValue(definition.InitialState, out var initial))
        {
            errors.Add(new ValidationError(root, "starts in an undefined state", "Define the initial state or fix its name.", definition.InitialState));
        }
        else if (children.ContainsKey(initial.Name))
        {
            errors.Add(new ValidationError(root, "starts in a state with substates", "Start in one of its substates.", initial.Name));
        }
        else if (initial.IsFinal)
        {
            errors.Add(new ValidationError(root, "starts in a final state", "Start in a state that has exits.", initial.Name));
        }
    }

    private static void CheckState(
        List<ValidationError> errors,
        string path,
        StateDefinition state,
        Dictionary<string, StateDefinition> states,
        Dictionary<string, List<string>> children,
        ProcedureGuards? guards,
        HashSet<string> timerNames)
    {
        foreach (var field in state.RequiredFields)
        {
            CheckName(errors, path, "required field", field);
        }

        foreach (var intent in state.EntryIntents.Concat(state.ExitIntents))
        {
            CheckName(errors, path, "intent kind", intent.Kind);
        }

        var byTrigger = new Dictionary<string, List<TransitionDefinition>>(StringComparer.Ordinal);
        for (var i = 0; i < state.Transitions.Count; i++)
        {
            var transition = state.Transitions[i];
            CheckTransition(errors, $"{path} → transition '{transition.Trigger}'", state, transition, states, children, guards);
            if (!byTrigger.TryGetValue(transition.Trigger ?? string.Empty, out var list))
            {
                byTrigger[transition.Trigger ?? string.Empty] = list = [];
            }

            list.Add(transition);
        }

        foreach (var (trigger, list) in byTrigger)
        {
            if (list.Count < 2)
            {
                continue;
            }

            if (list.Any(t => t.Guard is null))
            {
                errors.Add(new ValidationError($"{path} → transition '{trigger}'", $"is defined {list.Count} times and at least one has no guard",
                    "Give each transition of the trigger a guard, and make the guards mutually exclusive.", trigger));
            }

            foreach (var duplicate in list.Where(t => t.Guard is not null).GroupBy(t => t.Guard, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add(new ValidationError($"{path} → transition '{trigger}'", "is a duplicate id: the same trigger and guard appear twice",
                    "Remove the duplicate, or use another guard.", duplicate.Key));
            }
        }

        if (state.IsFinal && state.Transitions.Any(t => t.Kind != TransitionKind.Internal))
        {
            errors.Add(new ValidationError(path, "is final but has exits", "Remove the exits, or remove Final()."));
        }

        if (state.IsApprovalGate)
        {
            CheckApprovalGate(errors, path, state, states);
        }
        else
        {
            foreach (var reserved in state.Transitions.Where(t => t.Trigger is StateDefinition.ApproveTrigger or StateDefinition.DeclineTrigger))
            {
                errors.Add(new ValidationError($"{path} → transition '{reserved.Trigger}'", "uses a trigger reserved for approval gates",
                    "Use ApprovalGate(...) for this state, or rename the trigger.", reserved.Trigger));
            }
        }

        foreach (var timer in state.Timers)
        {
            CheckTimer(errors, $"{path} → timer '{timer.Name}'", state, timer, states, timerNames);
        }
    }

    private static void CheckTransition(
        List<ValidationError> errors,
        string path,
        StateDefinition state,
        TransitionDefinition transition,
        Dictionary<string, StateDefinition> states,
        Dictionary<string, List<string>> children,
        ProcedureGuards? guards)
    {
        CheckName(errors, path, "trigger", transition.Trigger);
        if (transition.Guard is not null)
        {
            CheckName(errors, path, "guard name", transition.Guard);
            if (guards is not null && !guards.Contains(transition.Guard))
            {
                errors.Add(new ValidationError(path, "names a guard without an implementation",
                    "Add the guard to the ProcedureGuards passed to ProcedureCatalog.Add, or fix its name.", transition.Guard));
            }
        }

        foreach (var field in transition.RequiredFields)
        {
            CheckName(errors, path, "required field", field);
        }

        foreach (var intent in transition.Intents)
        {
            CheckName(errors, path, "intent kind", intent.Kind);
        }

        switch (transition.Kind)
        {
            case TransitionKind.Permit when string.IsNullOrEmpty(transition.Target):
                errors.Add(new ValidationError(path, "has no target", "Name the target state, or make it an internal transition."));
                break;
            case TransitionKind.Permit when !states.ContainsKey(transition.Target):
                errors.Add(new ValidationError(path, "targets an undefined state", "Define the target state or fix its name.", transition.Target));
                break;
            case TransitionKind.Permit when children.ContainsKey(transition.Target):
                errors.Add(new ValidationError(path, "targets a state with substates, where a concern cannot rest", "Target one of its substates.", transition.Target));
                break;
            case TransitionKind.Permit when IsDescendant(transition.Target, state.Name, states):
                // Stateless 5.20 treats a parent's transition into the current substate as handled but runs no exit,
                // no entry and no transition event, so its intents and timers would silently not happen.
                errors.Add(new ValidationError(path, $"targets '{transition.Target}', a substate of its own state, which Stateless does not leave or enter when the concern is already there",
                    "Define the transition on the substates instead, with PermitReentry on the target itself.", transition.Target));
                break;
            case TransitionKind.Permit when string.Equals(transition.Target, state.Name, StringComparison.Ordinal):
                errors.Add(new ValidationError(path, "targets its own state", "Use PermitReentry to leave and re-enter, or InternalTransition to stay.", transition.Target));
                break;
            case TransitionKind.Reentry when children.ContainsKey(state.Name):
                errors.Add(new ValidationError(path, "re-enters a state with substates", "Define the reentry on the substates."));
                break;
            case TransitionKind.Reentry when !string.Equals(transition.Target, state.Name, StringComparison.Ordinal):
                errors.Add(new ValidationError(path, "is a reentry with a target other than its own state", "Remove the target.", transition.Target));
                break;
            case TransitionKind.Internal when transition.Target is not null:
                errors.Add(new ValidationError(path, "is internal but has a target", "Remove the target, or make it a permit.", transition.Target));
                break;
            default:
                break;
        }
    }

    private static bool IsDescendant(string state, string ancestor, Dictionary<string, StateDefinition> states)
    {
        for (var parent = states[state].Parent; parent is not null && states.TryGetValue(parent, out var current); parent = current.Parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckApprovalGate(List<ValidationError> errors, string path, StateDefinition state, Dictionary<string, StateDefinition> states)
    {
        var exits = state.Transitions.Where(t => t.Kind != TransitionKind.Internal).ToArray();
        foreach (var other in exits.Where(t => t.Trigger is not (StateDefinition.ApproveTrigger or StateDefinition.DeclineTrigger)))
        {
            errors.Add(new ValidationError($"{path} → transition '{other.Trigger}'", "is an exit of an approval gate other than approve and decline",
                "Remove it, or make it an internal transition.", other.Trigger));
        }

        foreach (var required in new[] { StateDefinition.ApproveTrigger, StateDefinition.DeclineTrigger })
        {
            if (!exits.Any(t => t.Trigger == required))
            {
                errors.Add(new ValidationError(path, $"is an approval gate without a '{required}' exit", "Define both exits with ApprovalGate(approveTarget, declineTarget)."));
            }
        }

        for (var ancestor = state.Parent; ancestor is not null && states.TryGetValue(ancestor, out var parent); ancestor = parent.Parent)
        {
            foreach (var inherited in parent.Transitions.Where(t => t.Kind != TransitionKind.Internal))
            {
                errors.Add(new ValidationError(path, $"inherits the exit '{inherited.Trigger}' from its parent '{parent.Name}', but an approval gate may only be left by approve or decline",
                    "Move the approval gate out of that parent, or define that exit on the parent's other substates.", inherited.Trigger));
            }
        }
    }

    private static void CheckTimer(
        List<ValidationError> errors, string path, StateDefinition state, TimerDefinition timer, Dictionary<string, StateDefinition> states, HashSet<string> timerNames)
    {
        CheckName(errors, path, "name", timer.Name);
        CheckName(errors, path, "trigger", timer.Trigger);
        if (!timerNames.Add(timer.Name))
        {
            errors.Add(new ValidationError(path, "is a duplicate id: another timer has this name", "Give each timer its own name.", timer.Name));
        }

        if (timer.Delay == default)
        {
            errors.Add(new ValidationError(path, "has no delay", "Use TimerDelay.Elapsed, BusinessTime or BusinessDays."));
        }

        if (state.IsFinal)
        {
            errors.Add(new ValidationError(path, "is armed in a final state", "Remove the timer."));
        }

        var handled = false;
        for (StateDefinition? current = state; current is not null; current = current.Parent is null ? null : states.GetValueOrDefault(current.Parent))
        {
            handled |= current.Transitions.Any(t => t.Trigger == timer.Trigger);
        }

        if (!handled)
        {
            errors.Add(new ValidationError(path, $"fires trigger '{timer.Trigger}', which has no transition in state '{state.Name}' or its parents",
                "Add a transition for the trigger, or fix the trigger's name.", timer.Trigger));
        }
    }

    private static void CheckChecklist(
        List<ValidationError> errors, string root, ProcedureDefinition definition, Dictionary<string, StateDefinition> states, Dictionary<string, List<string>> children)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in definition.Checklist)
        {
            var path = $"{root} → step '{step.Id}'";
            CheckName(errors, path, "id", step.Id);
            if (!ids.Add(step.Id))
            {
                errors.Add(new ValidationError(path, "is a duplicate id: another step has this id", "Give each step its own id.", step.Id));
            }

            if (!Enum.IsDefined(step.Severity))
            {
                errors.Add(new ValidationError(path, "has an unknown severity", "Use advisory or mandatory.", step.Severity.ToString()));
            }

            if (!states.ContainsKey(step.RequiredBefore))
            {
                errors.Add(new ValidationError(path, "is required before an undefined state", "Name a defined state.", step.RequiredBefore));
            }
            else if (step.RequiredBefore == definition.InitialState && !children.ContainsKey(step.RequiredBefore))
            {
                errors.Add(new ValidationError(path, "is required before the initial state, which a concern enters before any step can be done",
                    "Require it before a later state.", step.RequiredBefore));
            }
        }
    }

    private static void CheckReachability(
        List<ValidationError> errors, string root, ProcedureDefinition definition, Dictionary<string, StateDefinition> states, Dictionary<string, List<string>> children)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { definition.InitialState };
        var queue = new Queue<string>();
        queue.Enqueue(definition.InitialState);
        while (queue.Count > 0)
        {
            foreach (var target in ExitTargets(states[queue.Dequeue()], states))
            {
                if (reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        foreach (var state in definition.States.Where(s => !children.ContainsKey(s.Name)))
        {
            var path = $"{root} → state '{state.Name}'";
            if (!reached.Contains(state.Name))
            {
                errors.Add(new ValidationError(path, $"is unreachable from the initial state '{definition.InitialState}'",
                    "Add a transition that targets it, or remove it."));
            }

            if (!state.IsFinal && !ExitTargets(state, states).Any(t => t != state.Name))
            {
                errors.Add(new ValidationError(path, "is a dead end: it is not final and no transition leaves it",
                    "Add an exit, or mark it final."));
            }
        }
    }

    private static IEnumerable<string> ExitTargets(StateDefinition state, Dictionary<string, StateDefinition> states)
    {
        for (StateDefinition? current = state; current is not null; current = current.Parent is null ? null : states.GetValueOrDefault(current.Parent))
        {
            foreach (var transition in current.Transitions)
            {
                if (transition.Kind != TransitionKind.Internal && transition.Target is not null)
                {
                    yield return transition.Target;
                }
            }
        }
    }
}
