using NodaTime;

namespace CustomerCare.Interactions.Timeline;

/// <summary>
/// The position of an interaction in a customer's timeline: occurred-at, then recorded-at, then the store's sequence
/// number. The order is total because sequence numbers are unique, and stable because none of the three changes
/// after recording.
/// </summary>
/// <remarks>
/// A letter written on Monday and scanned on Thursday sorts by Monday. Two interactions with equal timestamps, such as
/// a batch import, sort by recording time and then by the order the store recorded them. A back-dated import lands at
/// its occurred-at position, not at the end. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct TimelineKey : IComparable<TimelineKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="occurredAt">When the interaction happened.</param>
    /// <param name="recordedAt">When it was recorded.</param>
    /// <param name="sequence">The store's sequence number, unique per store.</param>
    public TimelineKey(Instant occurredAt, Instant recordedAt, long sequence)
    {
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        Sequence = sequence;
    }

    /// <summary>Gets when the interaction happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>Gets when the interaction was recorded.</summary>
    public Instant RecordedAt { get; }

    /// <summary>Gets the store's sequence number.</summary>
    public long Sequence { get; }

    /// <summary>Compares occurred-at, then recorded-at, then sequence.</summary>
    /// <param name="other">The key to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this key sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(TimelineKey other)
    {
        var byOccurred = OccurredAt.CompareTo(other.OccurredAt);
        if (byOccurred != 0)
        {
            return byOccurred;
        }

        var byRecorded = RecordedAt.CompareTo(other.RecordedAt);
        return byRecorded != 0 ? byRecorded : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(TimelineKey left, TimelineKey right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(TimelineKey left, TimelineKey right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(TimelineKey left, TimelineKey right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(TimelineKey left, TimelineKey right) => left.CompareTo(right) >= 0;
}
