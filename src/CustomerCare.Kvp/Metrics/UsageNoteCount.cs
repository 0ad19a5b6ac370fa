namespace CustomerCare.Kvp.Metrics;

/// <summary>A note on how or why customers use a product, with how often agents tagged it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Note">The note, trimmed.</param>
/// <param name="Count">How many interactions carried it.</param>
public readonly record struct UsageNoteCount(string Note, long Count);
