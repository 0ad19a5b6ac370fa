using NodaTime;

namespace CustomerCare.Sop;

/// <summary>A closed checklist step of a concern: which step, how, by whom and when.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct StepRecord
{
    /// <summary>Initializes a new record.</summary>
    /// <param name="stepId">The step's identifier.</param>
    /// <param name="status">Whether the step was completed or overridden.</param>
    /// <param name="actor">Who closed it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="ArgumentException"><paramref name="stepId"/> is null or white space, or <paramref name="actor"/> is default.</exception>
    public StepRecord(string stepId, StepStatus status, Actor actor, Instant at)
    {
        StepId = Guard.NotNullOrWhiteSpace(stepId);
        Status = status;
        Actor = Actor.Require(actor);
        At = at;
    }

    /// <summary>Gets the step's identifier.</summary>
    public string StepId { get; }

    /// <summary>Gets whether the step was completed or overridden.</summary>
    public StepStatus Status { get; }

    /// <summary>Gets who closed the step.</summary>
    public Actor Actor { get; }

    /// <summary>Gets when the step was closed.</summary>
    public Instant At { get; }
}
