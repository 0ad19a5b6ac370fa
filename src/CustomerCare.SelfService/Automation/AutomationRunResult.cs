namespace CustomerCare.SelfService;

/// <summary>The outcome of <see cref="AutomationRunner.RunAsync"/>: the run, the conversation with the step entries, and the hand-off if a step did not complete.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Run">The run as it ended: completed, or handed off.</param>
/// <param name="Conversation">The conversation with one transcript entry per step attempt.</param>
/// <param name="HandOff">The hand-off when a step failed or was refused, else <see langword="null"/>.</param>
public sealed record AutomationRunResult(AutomationRun Run, SelfServiceConversation Conversation, SelfServiceHandOff? HandOff);
