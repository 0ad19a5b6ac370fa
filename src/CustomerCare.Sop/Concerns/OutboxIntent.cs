using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// A side effect that a transition recorded, such as a notification or an SLA clock change, for the host to execute
/// after the new state is stored.
/// </summary>
/// <remarks>
/// <para>
/// An intent is identified by its concern, the version that produced it and its index within that version, which
/// are also the order in which to execute intents. Execution is at least once, so the host should deduplicate by
/// that key.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct OutboxIntent
{
    /// <summary>Initializes a new intent.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="version">The concern version that produced the intent, 1 or greater.</param>
    /// <param name="index">The position within that version, from 0.</param>
    /// <param name="kind">The intent kind, such as <see cref="IntentKinds.Notify"/>.</param>
    /// <param name="parameter">Whom or what the intent is about, or <see langword="null"/>.</param>
    /// <param name="state">The state whose entry or exit recorded it, or the target of the transition.</param>
    /// <param name="phase">Which part of the transition recorded it.</param>
    /// <param name="createdAt">When it was recorded.</param>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default, or <paramref name="kind"/> or <paramref name="state"/> is null or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1 or <paramref name="index"/> is negative.</exception>
    public OutboxIntent(ConcernId concernId, long version, int index, string kind, string? parameter, string state, IntentPhase phase, Instant createdAt)
    {
        ConcernId = Guard.NotDefault(concernId);
        Version = version >= 1 ? version : throw new ArgumentOutOfRangeException(nameof(version), version, "Versions start at 1.");
        Index = Guard.InRange(index, 0, int.MaxValue);
        Kind = Guard.NotNullOrWhiteSpace(kind);
        Parameter = parameter;
        State = Guard.NotNullOrWhiteSpace(state);
        Phase = phase;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId ConcernId { get; }

    /// <summary>Gets the concern version that produced the intent.</summary>
    public long Version { get; }

    /// <summary>Gets the position within that version, from 0.</summary>
    public int Index { get; }

    /// <summary>Gets the intent kind.</summary>
    public string Kind { get; }

    /// <summary>Gets whom or what the intent is about, or <see langword="null"/>.</summary>
    public string? Parameter { get; }

    /// <summary>Gets the state whose entry or exit recorded the intent, or the target of the transition.</summary>
    public string State { get; }

    /// <summary>Gets which part of the transition recorded the intent.</summary>
    public IntentPhase Phase { get; }

    /// <summary>Gets when the intent was recorded.</summary>
    public Instant CreatedAt { get; }
}
