namespace CustomerCare.Sop;

/// <summary>
/// A validated definition in the form that operations read: states and triggers as indexes, parents as an array,
/// guards as delegates. It is built once by <see cref="ProcedureCatalog.Add"/> and shared by every concern.
/// </summary>
/// <remarks>This type is immutable after construction and thread-safe.</remarks>
internal sealed class CompiledProcedure
{
    private CompiledProcedure(ProcedureDefinition definition, string[] triggerNames)
    {
        Definition = definition;
        var count = definition.States.Count;
        StateNames = new string[count];
        StateIndex = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            StateNames[i] = definition.States[i].Name;
            StateIndex[StateNames[i]] = i;
        }

        TriggerNames = triggerNames;
        TriggerIndex = new Dictionary<string, int>(triggerNames.Length, StringComparer.Ordinal);
        for (var i = 0; i < triggerNames.Length; i++)
        {
            TriggerIndex[triggerNames[i]] = i;
        }

        Parent = new int[count];
        IsComposite = new bool[count];
        Depth = new int[count];
        Transitions = new CompiledTransition[count][];
        StepsBefore = new ChecklistStepDefinition[count][];
        IsTimerTrigger = new bool[triggerNames.Length];
    }

    public ProcedureDefinition Definition { get; }

    public string Id => Definition.Id;

    public int Version => Definition.Version;

    public string[] StateNames { get; }

    public Dictionary<string, int> StateIndex { get; }

    public string[] TriggerNames { get; }

    public Dictionary<string, int> TriggerIndex { get; }

    /// <summary>Gets the parent index of each state, -1 for a top-level state.</summary>
    public int[] Parent { get; }

    public int[] Depth { get; }

    public bool[] IsComposite { get; }

    /// <summary>Gets whether a trigger is fired by a timer, which only <see cref="ProcedureRunner.FireTimerAsync"/> may do.</summary>
    public bool[] IsTimerTrigger { get; }

    public CompiledTransition[][] Transitions { get; }

    public ChecklistStepDefinition[][] StepsBefore { get; }

    public int InitialState { get; private set; }

    /// <summary>Gets the index of the synthetic state before the start, from which the start trigger enters the initial state.</summary>
    public int StartState => StateNames.Length;

    /// <summary>Gets the index of the synthetic trigger that starts a concern.</summary>
    public int StartTrigger => TriggerNames.Length;

    public StateDefinition State(int index) => Definition.States[index];

    public static CompiledProcedure Compile(ProcedureDefinition definition, ProcedureGuards guards)
    {
        var triggers = definition.States
            .SelectMany(s => s.Transitions.Select(t => t.Trigger).Concat(s.Timers.Select(t => t.Trigger)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var compiled = new CompiledProcedure(definition, triggers);

        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            compiled.Parent[i] = state.Parent is null ? -1 : compiled.StateIndex[state.Parent];
            if (state.Parent is not null)
            {
                compiled.IsComposite[compiled.StateIndex[state.Parent]] = true;
            }

            compiled.StepsBefore[i] = definition.Checklist.Where(s => s.RequiredBefore == state.Name).ToArray();
            foreach (var timer in state.Timers)
            {
                compiled.IsTimerTrigger[compiled.TriggerIndex[timer.Trigger]] = true;
            }
        }

        for (var i = 0; i < definition.States.Count; i++)
        {
            for (var parent = compiled.Parent[i]; parent >= 0; parent = compiled.Parent[parent])
            {
                compiled.Depth[i]++;
            }

            compiled.Transitions[i] = definition.States[i].Transitions
                .Select(t => new CompiledTransition(
                    t,
                    i,
                    compiled.TriggerIndex[t.Trigger],
                    t.Kind == TransitionKind.Internal ? -1 : compiled.StateIndex[t.Target!],
                    t.Guard is null ? null : guards.Find(t.Guard)))
                .ToArray();
        }

        compiled.InitialState = compiled.StateIndex[definition.InitialState];
        return compiled;
    }

    /// <summary>Returns the deepest state that contains both states, or -1 when only the root contains both.</summary>
    public int CommonAncestor(int first, int second)
    {
        while (Depth[first] > Depth[second])
        {
            first = Parent[first];
        }

        while (Depth[second] > Depth[first])
        {
            second = Parent[second];
        }

        while (first != second)
        {
            first = Parent[first];
            second = Parent[second];
        }

        return first;
    }
}
