using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// A timer armed on a concern: its name and trigger, the state and state entry it was armed for, and when it is due.
/// </summary>
/// <remarks>
/// The state entry is the concern's count of state changes, not its version, so an internal change such as a note
/// keeps the timer alive while leaving or re-entering the state makes it stale. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct ArmedTimer
{
    /// <summary>Initializes a new armed timer.</summary>
    /// <param name="name">The timer's name in the procedure.</param>
    /// <param name="trigger">The trigger it fires.</param>
    /// <param name="state">The state it was armed for.</param>
    /// <param name="stateEntry">The state entry it was armed for, 1 or greater.</param>
    /// <param name="dueAt">When it is due.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/>, <paramref name="trigger"/> or <paramref name="state"/> is null or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stateEntry"/> is less than 1.</exception>
    public ArmedTimer(string name, string trigger, string state, long stateEntry, Instant dueAt)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Trigger = Guard.NotNullOrWhiteSpace(trigger);
        State = Guard.NotNullOrWhiteSpace(state);
        StateEntry = stateEntry >= 1 ? stateEntry : throw new ArgumentOutOfRangeException(nameof(stateEntry), stateEntry, "State entries start at 1.");
        DueAt = dueAt;
    }

    /// <summary>Gets the timer's name in the procedure.</summary>
    public string Name { get; }

    /// <summary>Gets the trigger the timer fires.</summary>
    public string Trigger { get; }

    /// <summary>Gets the state the timer was armed for.</summary>
    public string State { get; }

    /// <summary>Gets the state entry the timer was armed for.</summary>
    public long StateEntry { get; }

    /// <summary>Gets when the timer is due.</summary>
    public Instant DueAt { get; }
}
