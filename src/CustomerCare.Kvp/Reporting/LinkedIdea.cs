using CustomerCare.Kvp.Ideas;

namespace CustomerCare.Kvp.Reporting;

/// <summary>An improvement idea linked to a product's contact reasons, as the feedback report lists it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Id">The idea's identifier.</param>
/// <param name="Title">The idea's title.</param>
/// <param name="State">The idea's state.</param>
/// <param name="TargetReason">The code of the reason the idea targets, or null.</param>
public sealed record LinkedIdea(IdeaId Id, string Title, IdeaState State, string? TargetReason);
