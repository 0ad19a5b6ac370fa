using CustomerCare.Core;

namespace CustomerCare.SlaTracking;

/// <summary>
/// The SLA clock history of one concern: the priority and service tier that select its targets, and every clock event
/// in the order it happened.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SlaClockRecord
{
    /// <summary>Initializes a record.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="priority">The priority that selects the targets.</param>
    /// <param name="tier">The customer's service tier that selects the targets.</param>
    /// <param name="entries">The clock events, ordered by instant.</param>
    /// <param name="version">The stored version; 0 for a record not stored yet.</param>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> or <paramref name="priority"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative.</exception>
    public SlaClockRecord(ConcernId concernId, Priority priority, ServiceTier tier, IEnumerable<SlaClockEntry> entries, long version = 0)
    {
        Guard.NotDefault(concernId);
        Guard.NotDefault(priority);
        Guard.NotNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(version);

        ConcernId = concernId;
        Priority = priority;
        Tier = tier;
        Entries = [.. entries];
        Version = version;
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId ConcernId { get; }

    /// <summary>Gets the priority that selects the targets.</summary>
    public Priority Priority { get; }

    /// <summary>Gets the service tier that selects the targets.</summary>
    public ServiceTier Tier { get; }

    /// <summary>Gets the clock events of every target, ordered by instant.</summary>
    public IReadOnlyList<SlaClockEntry> Entries { get; }

    /// <summary>Gets the stored version; 0 for a record not stored yet.</summary>
    public long Version { get; }

    /// <summary>Returns a copy with <paramref name="entry"/> appended.</summary>
    /// <param name="entry">The event to append.</param>
    /// <returns>The new record, with the same version.</returns>
    public SlaClockRecord Append(SlaClockEntry entry) => new(ConcernId, Priority, Tier, [.. Entries, entry], Version);

    /// <summary>Returns a copy with another version, as a store returns it after a save.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative.</exception>
    public SlaClockRecord WithVersion(long version) => new(ConcernId, Priority, Tier, Entries, version);

    /// <inheritdoc/>
    public override string ToString() => $"SLA clocks of {ConcernId} v{Version}: {Entries.Count} events";
}
