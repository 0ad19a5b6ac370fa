namespace CustomerCare.Sop;

/// <summary>A request to fire a trigger on a concern: the trigger, who fires it, and what they bring.</summary>
/// <remarks>
/// Fields the request brings are stored on the concern when the transition happens and are recorded as the audit
/// entry's arguments. This type is immutable once initialized and thread-safe.
/// </remarks>
public sealed class TriggerRequest
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Initializes a new request.</summary>
    /// <param name="trigger">The trigger, such as <c>resolve</c>; case is ignored.</param>
    /// <param name="actor">Who fires it.</param>
    /// <exception cref="ArgumentException"><paramref name="trigger"/> is null or white space, or <paramref name="actor"/> is default.</exception>
    public TriggerRequest(string trigger, Actor actor)
    {
        Trigger = Names.Normalize(Guard.NotNullOrWhiteSpace(trigger));
        Actor = Actor.Require(actor);
    }

    /// <summary>Gets the trigger.</summary>
    public string Trigger { get; }

    /// <summary>Gets who fires the trigger.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the reason the actor gives, recorded in the audit entry; none by default.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the field values the request brings, such as <c>resolution-code</c>; none by default.</summary>
    /// <remarks>Names must be valid field names and values must not be null; <see cref="ProcedureRunner.FireAsync"/> checks both.</remarks>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;

    /// <summary>Gets a key that makes a repeated request return the first one's result instead of applying twice; none by default.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets a value indicating whether open advisory checklist steps are overridden and recorded as such; <see langword="false"/> by default.</summary>
    public bool OverrideAdvisorySteps { get; init; }
}
