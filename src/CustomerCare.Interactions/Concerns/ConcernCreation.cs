namespace CustomerCare.Interactions.Concerns;

/// <summary>The result of creating a concern: the stored concern, and whether it existed under the same idempotency key.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Concern">The stored concern: the new one, or the one created earlier with the same idempotency key.</param>
/// <param name="AlreadyExisted"><see langword="true"/> when a concern with the same idempotency key was already stored.</param>
public readonly record struct ConcernCreation(Concern Concern, bool AlreadyExisted);
