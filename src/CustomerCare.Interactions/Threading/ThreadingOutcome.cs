using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;

namespace CustomerCare.Interactions.Threading;

/// <summary>The pipeline's final decision for an inbound interaction, with the trace of every step that ran.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ThreadingOutcome
{
    internal ThreadingOutcome(ThreadingAction action, Concern? concern, InteractionId? duplicateOf, IReadOnlyList<ThreadingStep> steps)
    {
        Action = action;
        Concern = concern;
        DuplicateOf = duplicateOf;
        Steps = steps;
    }

    /// <summary>Gets what recording does.</summary>
    public ThreadingAction Action { get; }

    /// <summary>
    /// Gets the concern to join or reopen, or the one a new concern links to, as read during threading (after
    /// following merges); <see langword="null"/> for <see cref="ThreadingAction.New"/> and <see cref="ThreadingAction.Duplicate"/>.
    /// </summary>
    public Concern? Concern { get; }

    /// <summary>Gets the interaction recorded before, for <see cref="ThreadingAction.Duplicate"/>.</summary>
    public InteractionId? DuplicateOf { get; }

    /// <summary>Gets every step that ran, in order, with its decision and reason.</summary>
    public IReadOnlyList<ThreadingStep> Steps { get; }

    /// <summary>Gets the reason of the deciding step and, when it differs, of the closed-and-merged stage.</summary>
    public string Reason => string.Join("; ", Steps.Where(s => s.Decision.Kind != ThreadingDecisionKind.Continue).Select(s => $"{s.Rule}: {s.Decision.Reason}"));

    /// <summary>Gets the link kind a new concern gets to <see cref="Concern"/>, or <see langword="null"/>.</summary>
    public ConcernLinkKind? LinkKind => Action switch
    {
        ThreadingAction.FollowUp => ConcernLinkKind.FollowUpOf,
        ThreadingAction.NewTopic => ConcernLinkKind.NewTopicFrom,
        _ => null,
    };
}
