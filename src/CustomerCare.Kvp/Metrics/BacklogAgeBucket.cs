using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>How many unresolved concerns have an age in <c>[MinimumAge, MaximumAge)</c> at the snapshot instant.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="MinimumAge">The smallest age in the bucket.</param>
/// <param name="MaximumAge">The age at which the next bucket starts, or null for the last bucket.</param>
/// <param name="Count">The number of unresolved concerns in the bucket.</param>
public readonly record struct BacklogAgeBucket(Duration MinimumAge, Duration? MaximumAge, long Count);
