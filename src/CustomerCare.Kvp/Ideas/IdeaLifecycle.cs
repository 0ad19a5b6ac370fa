using CustomerCare.Kvp.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace CustomerCare.Kvp.Ideas;

/// <summary>
/// Moves improvement ideas through their lifecycle on a Stateless state machine: submitted → screening → evaluation →
/// approved, rejected or parked → in implementation → implemented → measured → closed.
/// </summary>
/// <remarks>
/// <para>
/// Guards: <see cref="IdeaTrigger.Approve"/> needs at least one piece of evidence, <see cref="IdeaTrigger.Reject"/> and
/// <see cref="IdeaTrigger.Park"/> need a note (the reason the submitter reads), and <see cref="IdeaTrigger.RecordEffect"/>
/// needs a recorded effect. A trigger that the state does not accept or whose guard fails is a rejected result, not an
/// exception. Every step adds an <see cref="IdeaFeedback"/> for the submitter.
/// </para>
/// <para>
/// Each call builds its own machine over a local copy of the state, so one instance is thread-safe. Persist the
/// resulting idea with <see cref="IIdeaStore.SaveAsync"/> and its expected version.
/// </para>
/// </remarks>
public sealed class IdeaLifecycle
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new lifecycle.</summary>
    /// <param name="logger">The logger for transitions; null logs nothing.</param>
    public IdeaLifecycle(ILogger<IdeaLifecycle>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Fires <paramref name="trigger"/> on <paramref name="idea"/>.</summary>
    /// <param name="idea">The idea.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="at">When the step happens.</param>
    /// <param name="note">The message for the submitter; required for rejecting and parking. Null takes a standard message.</param>
    /// <returns>The moved idea with the submitter feedback, or the unchanged idea with the reason it did not move.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idea"/> is null.</exception>
    public IdeaTransitionResult Fire(ImprovementIdea idea, IdeaTrigger trigger, Instant at, string? note = null)
    {
        Guard.NotNull(idea);

        var state = idea.State;
        var machine = Build(() => state, s => state = s, idea, note);
        if (!Enum.IsDefined(trigger) || !machine.CanFire(trigger))
        {
            Log.IdeaTransitionRejected(_logger, idea.Id, idea.State, trigger);
            var permitted = Permitted(machine);
            var reason = IsGuarded(idea.State, trigger)
                ? $"{trigger} needs {UnmetGuard(trigger)}."
                : $"An idea in state {idea.State} does not accept {trigger}; it accepts {Describe(permitted)}.";
            return IdeaTransitionResult.Rejected(idea, reason, permitted);
        }

        var from = state;
        machine.Fire(trigger);
        var feedback = new IdeaFeedback(at, from, state, trigger, string.IsNullOrWhiteSpace(note) ? StandardMessage(state) : note.Trim());
        var moved = idea.WithTransition(feedback);
        Log.IdeaTransitioned(_logger, idea.Id, from, state, trigger);
        return IdeaTransitionResult.Moved(moved, feedback, Permitted(Build(() => moved.State, _ => { }, moved, null)));
    }

    /// <summary>Returns the lifecycle as a Mermaid state diagram, for documentation.</summary>
    /// <returns>The diagram source.</returns>
    public static string ToMermaid()
    {
        var idea = ImprovementIdea.Submit(new IdeaId(new Guid("00000000-0000-7000-8000-000000000001")), "graph", "graph", "graph", Instant.FromUnixTimeTicks(0));
        return MermaidGraph.Format(Build(() => IdeaState.Submitted, _ => { }, idea, "graph").GetInfo());
    }

    private static StateMachine<IdeaState, IdeaTrigger> Build(Func<IdeaState> read, Action<IdeaState> write, ImprovementIdea idea, string? note)
    {
        var hasNote = () => !string.IsNullOrWhiteSpace(note);
        var hasEvidence = () => idea.Evidence.Length > 0;
        var hasEffect = () => idea.Effect is not null;

        var machine = new StateMachine<IdeaState, IdeaTrigger>(read, write, FiringMode.Queued);
        machine.Configure(IdeaState.Submitted)
            .Permit(IdeaTrigger.StartScreening, IdeaState.Screening);
        machine.Configure(IdeaState.Screening)
            .Permit(IdeaTrigger.Evaluate, IdeaState.Evaluation)
            .PermitIf(IdeaTrigger.Reject, IdeaState.Rejected, hasNote, NoteGuard);
        machine.Configure(IdeaState.Evaluation)
            .PermitIf(IdeaTrigger.Approve, IdeaState.Approved, hasEvidence, EvidenceGuard)
            .PermitIf(IdeaTrigger.Reject, IdeaState.Rejected, hasNote, NoteGuard)
            .PermitIf(IdeaTrigger.Park, IdeaState.Parked, hasNote, NoteGuard);
        machine.Configure(IdeaState.Parked)
            .Permit(IdeaTrigger.Evaluate, IdeaState.Evaluation)
            .Permit(IdeaTrigger.Close, IdeaState.Closed);
        machine.Configure(IdeaState.Rejected)
            .Permit(IdeaTrigger.Close, IdeaState.Closed);
        machine.Configure(IdeaState.Approved)
            .Permit(IdeaTrigger.StartImplementation, IdeaState.InImplementation);
        machine.Configure(IdeaState.InImplementation)
            .Permit(IdeaTrigger.CompleteImplementation, IdeaState.Implemented);
        machine.Configure(IdeaState.Implemented)
            .PermitIf(IdeaTrigger.RecordEffect, IdeaState.Measured, hasEffect, EffectGuard);
        machine.Configure(IdeaState.Measured)
            .Permit(IdeaTrigger.Close, IdeaState.Closed);
        return machine;
    }

    private const string NoteGuard = "a note that tells the submitter why";
    private const string EvidenceGuard = "at least one piece of evidence";
    private const string EffectGuard = "a recorded effect (WithEffect)";

    private static bool IsGuarded(IdeaState state, IdeaTrigger trigger) => (state, trigger) switch
    {
        (IdeaState.Screening, IdeaTrigger.Reject) => true,
        (IdeaState.Evaluation, IdeaTrigger.Approve or IdeaTrigger.Reject or IdeaTrigger.Park) => true,
        (IdeaState.Implemented, IdeaTrigger.RecordEffect) => true,
        _ => false,
    };

    private static string UnmetGuard(IdeaTrigger trigger) => trigger switch
    {
        IdeaTrigger.Approve => EvidenceGuard,
        IdeaTrigger.RecordEffect => EffectGuard,
        _ => NoteGuard,
    };

    private static List<IdeaTrigger> Permitted(StateMachine<IdeaState, IdeaTrigger> machine) =>
        [.. Enum.GetValues<IdeaTrigger>().Where(t => machine.CanFire(t))];

    private static string Describe(List<IdeaTrigger> triggers) =>
        triggers.Count == 0 ? "no trigger, because it is closed" : string.Join(", ", triggers);

    private static string StandardMessage(IdeaState state) => state switch
    {
        IdeaState.Screening => "Your idea is being screened for duplicates and scope.",
        IdeaState.Evaluation => "Your idea is being evaluated for impact and effort.",
        IdeaState.Approved => "Your idea was approved for implementation.",
        IdeaState.Rejected => "Your idea was rejected.",
        IdeaState.Parked => "Your idea was parked for later.",
        IdeaState.InImplementation => "Your idea is being implemented.",
        IdeaState.Implemented => "Your idea was implemented; its effect will be measured.",
        IdeaState.Measured => "The effect of your idea was measured.",
        IdeaState.Closed => "Your idea was closed.",
        _ => $"Your idea moved to {state}.",
    };
}
