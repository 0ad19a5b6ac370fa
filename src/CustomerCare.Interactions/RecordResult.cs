namespace CustomerCare.Interactions;

/// <summary>The result of recording an interaction: the stored interaction, and whether it was stored before.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Interaction">The stored interaction: the new one, or the one recorded earlier with the same channel and external id.</param>
/// <param name="WasDuplicate"><see langword="true"/> when an interaction with the same channel and external id was already stored.</param>
public readonly record struct RecordResult(Interaction Interaction, bool WasDuplicate);
