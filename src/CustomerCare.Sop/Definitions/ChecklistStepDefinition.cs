namespace CustomerCare.Sop;

/// <summary>
/// A step of the procedure's checklist that must be done before the concern enters a state, such as recording the
/// diagnosis before <c>resolved</c>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ChecklistStepDefinition
{
    internal ChecklistStepDefinition(string id, StepSeverity severity, string requiredBefore, string? title)
    {
        Id = id;
        Severity = severity;
        RequiredBefore = requiredBefore;
        Title = title;
    }

    /// <summary>Gets the step's identifier, unique within the procedure, such as <c>diagnosis-recorded</c>.</summary>
    public string Id { get; }

    /// <summary>Gets whether an open step blocks (mandatory) or only warns (advisory).</summary>
    public StepSeverity Severity { get; }

    /// <summary>Gets the state that the concern may enter only after this step is done or overridden.</summary>
    public string RequiredBefore { get; }

    /// <summary>Gets the text shown to agents, or <see langword="null"/>.</summary>
    public string? Title { get; }
}
