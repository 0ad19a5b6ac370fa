namespace CustomerCare;

/// <summary>What an agent records when resolving a concern.</summary>
/// <param name="Code">The resolution code, such as <c>solved</c> or <c>workaround</c>.</param>
/// <param name="Note">How the concern was resolved, in words another agent and the knowledge base can reuse.</param>
public sealed record Resolution(string Code, string Note)
{
    /// <summary>Gets the checklist steps the agent completed with the resolution, such as <c>diagnosis-recorded</c>.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<string> CompletedSteps { get; init; } = [];

    /// <summary>Gets whether the agent overrides open advisory checklist steps; the override is recorded with the agent.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool OverrideAdvisorySteps { get; init; }
}
