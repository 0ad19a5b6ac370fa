namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>How many agents one reason excluded.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Count">The number of agents, each counted under its first reason only.</param>
public readonly record struct ExclusionCount(ExclusionReason Reason, int Count);
