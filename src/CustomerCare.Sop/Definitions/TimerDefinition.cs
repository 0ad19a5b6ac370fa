namespace CustomerCare.Sop;

/// <summary>
/// A timer that a state arms on entry and that fires an internal trigger when it is due, such as an auto-close
/// three business days after a concern is resolved.
/// </summary>
/// <remarks>
/// An armed timer remembers the state and the state entry it was armed for, and firing it is ignored once the
/// concern has left that state or entered it again. Timer triggers can only be fired through
/// <see cref="ProcedureRunner.FireTimerAsync"/>. This type is immutable and thread-safe.
/// </remarks>
public sealed class TimerDefinition
{
    internal TimerDefinition(string name, string trigger, TimerDelay delay)
    {
        Name = name;
        Trigger = trigger;
        Delay = delay;
    }

    /// <summary>Gets the timer's name, unique within the procedure, such as <c>auto-close</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the trigger fired when the timer is due.</summary>
    public string Trigger { get; }

    /// <summary>Gets how long after the state entry the timer is due.</summary>
    public TimerDelay Delay { get; }
}
