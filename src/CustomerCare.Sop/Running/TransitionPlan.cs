namespace CustomerCare.Sop;

/// <summary>
/// The transition an operation would take, found the way Stateless finds a handler (the current state first, then
/// each parent), with everything that blocks it.
/// </summary>
internal readonly struct TransitionPlan
{
    public TransitionPlan(
        CompiledTransition? transition,
        RejectionReasons reasons,
        string[] unmetGuards,
        string[] missingFields,
        string[] openMandatorySteps,
        string[] openAdvisorySteps)
    {
        Transition = transition;
        Reasons = reasons;
        UnmetGuards = unmetGuards;
        MissingFields = missingFields;
        OpenMandatorySteps = openMandatorySteps;
        OpenAdvisorySteps = openAdvisorySteps;
    }

    /// <summary>Gets the transition, or <see langword="null"/> when no transition handles the trigger now.</summary>
    public CompiledTransition? Transition { get; }

    public RejectionReasons Reasons { get; }

    public string[] UnmetGuards { get; }

    public string[] MissingFields { get; }

    public string[] OpenMandatorySteps { get; }

    public string[] OpenAdvisorySteps { get; }

    public bool IsRejected => Reasons != RejectionReasons.None;
}
