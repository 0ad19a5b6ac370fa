namespace CustomerCare.Kvp.Ideas;

/// <summary>The result of firing a trigger on an improvement idea: the moved idea, or why it did not move.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class IdeaTransitionResult
{
    private IdeaTransitionResult(ImprovementIdea idea, IdeaFeedback? feedback, string? rejection, IReadOnlyList<IdeaTrigger> permitted)
    {
        Idea = idea;
        Feedback = feedback;
        RejectionReason = rejection;
        PermittedTriggers = permitted;
    }

    /// <summary>Gets a value indicating whether the idea moved.</summary>
    public bool Succeeded => RejectionReason is null;

    /// <summary>Gets the idea after the step, or the unchanged idea when the step was rejected.</summary>
    public ImprovementIdea Idea { get; }

    /// <summary>Gets the feedback for the submitter, or null when the step was rejected.</summary>
    public IdeaFeedback? Feedback { get; }

    /// <summary>Gets why the step was rejected, or null when it succeeded.</summary>
    public string? RejectionReason { get; }

    /// <summary>Gets the triggers the idea accepts in its state (after the step, when it succeeded).</summary>
    public IReadOnlyList<IdeaTrigger> PermittedTriggers { get; }

    internal static IdeaTransitionResult Moved(ImprovementIdea idea, IdeaFeedback feedback, IReadOnlyList<IdeaTrigger> permitted) =>
        new(idea, feedback, null, permitted);

    internal static IdeaTransitionResult Rejected(ImprovementIdea idea, string reason, IReadOnlyList<IdeaTrigger> permitted) =>
        new(idea, null, reason, permitted);
}
