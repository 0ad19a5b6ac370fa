using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>A group of self-service queries that were handed off because nothing matched, grouped by their terms.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Terms">The significant terms of the group, lower case, sorted and separated by spaces, such as <c>invoice refund</c>.</param>
/// <param name="Count">The number of unmatched queries in the group.</param>
/// <param name="LastSeen">When the latest of them happened.</param>
public readonly record struct KnowledgeGap(string Terms, long Count, Instant LastSeen);
