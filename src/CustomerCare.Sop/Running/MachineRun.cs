namespace CustomerCare.Sop;

/// <summary>
/// The state that one operation's Stateless machine reads and writes: the current state behind the accessor and
/// mutator, the guard inputs, and what the machine's callbacks recorded.
/// </summary>
/// <remarks>
/// The mutator only sets <see cref="State"/>, and the callbacks only append to lists: nothing here performs I/O, so
/// the machine never runs a side effect before the new state is stored. Used by one operation on one thread.
/// </remarks>
internal sealed class MachineRun(CompiledProcedure procedure, int state, GuardContext context, CompiledTransition? planned)
{
    private List<RecordedIntent>? _intents;

    public CompiledProcedure Procedure { get; } = procedure;

    public int State { get; set; } = state;

    public GuardContext Context { get; } = context;

    public CompiledTransition? Planned { get; } = planned;

    public bool Completed { get; private set; }

    public bool InternalFired { get; private set; }

    public bool Unhandled { get; set; }

    public IReadOnlyList<RecordedIntent> Intents => (IReadOnlyList<RecordedIntent>?)_intents ?? [];

    public void OnEntry(int state)
    {
        foreach (var intent in Procedure.State(state).EntryIntents)
        {
            Add(new RecordedIntent(intent, state, IntentPhase.Entry));
        }
    }

    public void OnExit(int state)
    {
        foreach (var intent in Procedure.State(state).ExitIntents)
        {
            Add(new RecordedIntent(intent, state, IntentPhase.Exit));
        }
    }

    public void OnTransitioned(int destination)
    {
        if (Planned is null)
        {
            return;
        }

        foreach (var intent in Planned.Definition.Intents)
        {
            Add(new RecordedIntent(intent, destination, IntentPhase.Transition));
        }
    }

    public Task OnInternal(CompiledTransition transition)
    {
        InternalFired = true;
        foreach (var intent in transition.Definition.Intents)
        {
            Add(new RecordedIntent(intent, State, IntentPhase.Transition));
        }

        return Task.CompletedTask;
    }

    public void OnCompleted() => Completed = true;

    private void Add(RecordedIntent intent) => (_intents ??= []).Add(intent);
}

/// <summary>An intent recorded by a machine callback, before it is numbered for the outbox.</summary>
internal readonly record struct RecordedIntent(IntentDefinition Intent, int State, IntentPhase Phase);
