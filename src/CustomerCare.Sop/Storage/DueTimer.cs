using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>A timer that is due, with the concern it is armed on, as a store lists them for the host's scheduler.</summary>
/// <param name="ConcernId">The concern.</param>
/// <param name="Timer">The armed timer.</param>
public readonly record struct DueTimer(ConcernId ConcernId, ArmedTimer Timer);
