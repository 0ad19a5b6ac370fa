using Stateless;
using Stateless.Graph;

namespace CustomerCare.Sop;

/// <summary>
/// Draws a procedure as a Mermaid state diagram or a Graphviz DOT graph, with Stateless's own exporters.
/// </summary>
/// <remarks>
/// <para>
/// The diagram comes from a Stateless machine configured with every state of the definition, the way operations
/// configure theirs. It shows composite states as clusters, guards by name on their transitions, internal
/// transitions as loops, and entry and exit intents as the states' actions.
/// </para>
/// <para>
/// The output is deterministic for a definition and the Stateless version (5.20.1), so generated diagrams can be
/// kept in the repository and compared in tests. This type is thread-safe.
/// </para>
/// </remarks>
public static class ProcedureDiagram
{
    /// <summary>Returns a Mermaid <c>stateDiagram-v2</c> of the procedure.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The Mermaid text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string ToMermaid(ProcedureDefinition definition) =>
        Normalize(MermaidGraph.Format(CreateMachine(Guard.NotNull(definition)).GetInfo()));

    /// <summary>Returns a Graphviz DOT graph of the procedure in UML style.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The DOT text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string ToDot(ProcedureDefinition definition) =>
        Normalize(UmlDotGraph.Format(CreateMachine(Guard.NotNull(definition)).GetInfo()));

    private static StateMachine<string, string> CreateMachine(ProcedureDefinition definition)
    {
        var machine = new StateMachine<string, string>(definition.InitialState, FiringMode.Queued);
        foreach (var state in definition.States)
        {
            var configuration = machine.Configure(state.Name);
            if (state.Parent is not null)
            {
                configuration.SubstateOf(state.Parent);
            }

            foreach (var intent in state.EntryIntents)
            {
                configuration.OnEntry(static () => { }, intent.ToString());
            }

            foreach (var intent in state.ExitIntents)
            {
                configuration.OnExit(static () => { }, intent.ToString());
            }

            foreach (var transition in state.Transitions)
            {
                AddTransition(configuration, transition);
            }
        }

        return machine;
    }

    private static void AddTransition(StateMachine<string, string>.StateConfiguration configuration, TransitionDefinition transition)
    {
        // The diagram machine never fires, so every guard holds; only its name matters for the label.
        var guard = transition.Guard;
        switch (transition.Kind)
        {
            case TransitionKind.Permit when guard is null:
                configuration.Permit(transition.Trigger, transition.Target!);
                break;
            case TransitionKind.Permit:
                configuration.PermitIf(transition.Trigger, transition.Target!, static () => true, guard);
                break;
            case TransitionKind.Reentry when guard is null:
                configuration.PermitReentry(transition.Trigger);
                break;
            case TransitionKind.Reentry:
                configuration.PermitReentryIf(transition.Trigger, static () => true, guard);
                break;
            default:
                // Stateless labels an unguarded internal transition with its delegate's name ("Function"), so the
                // diagram names it "internal" instead.
                configuration.InternalTransitionIf(transition.Trigger, static _ => true, static _ => { }, guard ?? "internal");
                break;
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
