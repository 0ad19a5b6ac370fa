using CustomerCare.Core;

namespace CustomerCare.Kvp.Ideas;

/// <summary>Stores improvement ideas. The host implements it or takes it from a storage adapter.</summary>
/// <remarks>
/// <para>
/// Concurrency: optimistic versions. A stored idea has a version that starts at 1 and increases by one with each write.
/// <see cref="SaveAsync"/> states the version it read: 0 means the idea must not exist yet. A write with a stale version
/// throws <see cref="ConcurrencyConflictException"/> with the expected and the actual version, and stores nothing.
/// </para>
/// <para>
/// Idempotency: <see cref="SubmitAsync"/> takes an idempotency key, so a signal or a form that submits the same idea
/// twice stores it once and receives the idea stored first.
/// </para>
/// <para>Implementations must be thread-safe; several host instances may share one store.</para>
/// </remarks>
public interface IIdeaStore
{
    /// <summary>Returns the stored idea with the identifier, or null.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The idea at its stored version, or null when none is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    Task<ImprovementIdea?> FindAsync(IdeaId id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new idea once per idempotency key.</summary>
    /// <param name="idea">The new idea, at version 0.</param>
    /// <param name="idempotencyKey">A key that identifies the submission, such as the signal's subject and window; 1 to 200 characters.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The idea stored at version 1, or the idea stored earlier under the same key at its current version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idea"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="idempotencyKey"/> is null, white space, longer than 200 characters or contains the NUL character
    /// (U+0000, which PostgreSQL text cannot store), or the idea's version is not 0.
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">Another idea with the same identifier is stored under another key.</exception>
    Task<ImprovementIdea> SubmitAsync(ImprovementIdea idea, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Writes an idea if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="idea">The idea to write.</param>
    /// <param name="expectedVersion">The version read before the change; 0 when the idea must not exist yet.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The idea at its new version, <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idea"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs from <paramref name="expectedVersion"/>.</exception>
    Task<ImprovementIdea> SaveAsync(ImprovementIdea idea, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Lists ideas that match the query, oldest submission first, one page at a time.</summary>
    /// <param name="query">The filter and the page.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>One page, with a continuation token when more ideas match.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query's continuation token was not issued by this store.</exception>
    Task<StorePage<ImprovementIdea>> ListAsync(IdeaQuery query, CancellationToken cancellationToken = default);
}
