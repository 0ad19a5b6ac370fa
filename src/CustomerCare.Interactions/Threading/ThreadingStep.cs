namespace CustomerCare.Interactions.Threading;

/// <summary>One line of a threading trace: which step ran and what it decided.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Rule">The step's name, such as <c>signed-reference</c>.</param>
/// <param name="Decision">The step's decision and reason.</param>
public readonly record struct ThreadingStep(string Rule, ThreadingDecision Decision);
