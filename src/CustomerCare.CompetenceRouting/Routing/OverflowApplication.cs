using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <summary>An overflow rule that fired for a concern.</summary>
/// <param name="ConcernId">The concern.</param>
/// <param name="Rule">The rule's name.</param>
public readonly record struct OverflowApplication(ConcernId ConcernId, string Rule);
