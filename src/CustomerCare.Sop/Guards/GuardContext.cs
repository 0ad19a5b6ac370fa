using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// What a guard may look at: the concern as stored, the fields the request brings, the trigger, the actor and the
/// current time.
/// </summary>
/// <remarks>
/// Guards are pure: they must not perform I/O or change anything, because they run on every attempt and again when
/// the available actions are listed. This type is immutable.
/// </remarks>
public readonly struct GuardContext
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Initializes a new context.</summary>
    /// <param name="snapshot">The concern as stored.</param>
    /// <param name="trigger">The trigger being fired.</param>
    /// <param name="actor">Who fires it.</param>
    /// <param name="now">The current time.</param>
    /// <param name="requestFields">The fields the request brings; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="trigger"/> is null.</exception>
    public GuardContext(ConcernSnapshot snapshot, string trigger, Actor actor, Instant now, IReadOnlyDictionary<string, string>? requestFields = null)
    {
        Snapshot = Guard.NotNull(snapshot);
        Trigger = Guard.NotNull(trigger);
        Actor = actor;
        Now = now;
        RequestFields = requestFields ?? NoFields;
    }

    /// <summary>Gets the concern as stored, before this operation.</summary>
    public ConcernSnapshot Snapshot { get; }

    /// <summary>Gets the trigger being fired.</summary>
    public string Trigger { get; }

    /// <summary>Gets who fires the trigger.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the current time.</summary>
    public Instant Now { get; }

    /// <summary>Gets the fields the request brings, which the concern gets if the transition happens.</summary>
    public IReadOnlyDictionary<string, string> RequestFields { get; }

    /// <summary>Returns a field's value as it will be after the transition: the request's value, else the stored one.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value, or <see langword="null"/> when neither the request nor the concern has it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public string? GetField(string name)
    {
        Guard.NotNull(name);
        if (RequestFields is not null && RequestFields.TryGetValue(name, out var requested))
        {
            return requested;
        }

        return Snapshot?.Fields.GetValueOrDefault(name);
    }
}
