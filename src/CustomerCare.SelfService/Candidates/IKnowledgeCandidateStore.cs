using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>The review queue of knowledge candidates: where proposed candidates wait and their decisions are stored.</summary>
/// <remarks>
/// <para>
/// Concurrency: every candidate has a version that starts at 1 and grows by one with each write.
/// <see cref="SaveAsync"/> writes only when the stored version equals the candidate's
/// <see cref="KnowledgeCandidate.Version"/> and throws <see cref="ConcurrencyConflictException"/> with the expected and
/// actual version otherwise, so two reviewers cannot both decide. <see cref="ProposeAsync"/> is idempotent per source
/// concern: proposing for a concern that already has a candidate returns the stored one unchanged. Instants are kept
/// to the whole microsecond (truncated towards the past), the precision of PostgreSQL's <c>timestamptz</c>.
/// </para>
/// <para>
/// Implementations must be safe to call from many threads and, for shared databases, from many host instances.
/// CustomerCare.Testing has an in-memory implementation and a conformance test suite.
/// </para>
/// </remarks>
public interface IKnowledgeCandidateStore
{
    /// <summary>Adds a proposed candidate unless its source concern already has one.</summary>
    /// <param name="candidate">The candidate, with version 0 and status <see cref="KnowledgeCandidateStatus.Proposed"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored candidate: the new one at version 1, or the one already stored for the concern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidate"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="candidate"/> has a version other than 0 or a status other than proposed, or its question or
    /// resolution contains an unpaired surrogate, which no database can store.
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">Another candidate with the same identifier but another source concern exists.</exception>
    Task<KnowledgeCandidate> ProposeAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>Returns the candidate with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored candidate, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    Task<KnowledgeCandidate?> FindAsync(KnowledgeCandidateId id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored candidate if nobody else wrote it since it was read.</summary>
    /// <param name="candidate">The candidate; its version is the one it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored candidate, with the version one higher.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidate"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="candidate"/> names another source concern than the stored one, or a text of it contains an
    /// unpaired surrogate, which no database can store.
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or the candidate does not exist (expected version 0 is not allowed here: use <see cref="ProposeAsync"/>).</exception>
    Task<KnowledgeCandidate> SaveAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of candidates, oldest proposal first.</summary>
    /// <param name="status">The status to filter by, or <see langword="null"/> for all.</param>
    /// <param name="after">The last identifier of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The maximum number of candidates, 1 to 1,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// Up to <paramref name="limit"/> candidates with identifiers greater than <paramref name="after"/>, in the order of
    /// <see cref="KnowledgeCandidateId.CompareTo(KnowledgeCandidateId)"/>, which for identifiers made with
    /// <c>KnowledgeCandidateId.New</c> is the order of proposal.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1,000.</exception>
    Task<IReadOnlyList<KnowledgeCandidate>> ListAsync(KnowledgeCandidateStatus? status, KnowledgeCandidateId? after, int limit, CancellationToken cancellationToken = default);
}
