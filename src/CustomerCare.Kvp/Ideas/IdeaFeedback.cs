using NodaTime;

namespace CustomerCare.Kvp.Ideas;

/// <summary>The feedback to the submitter at one step of an idea's lifecycle: what changed, when, and why.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="At">When the step happened.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Trigger">The trigger of the step.</param>
/// <param name="Message">The message for the submitter, such as the reason for a rejection.</param>
public readonly record struct IdeaFeedback(Instant At, IdeaState From, IdeaState To, IdeaTrigger Trigger, string Message);
