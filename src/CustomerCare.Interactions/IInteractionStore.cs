using CustomerCare.Core;
using CustomerCare.Interactions.Timeline;

namespace CustomerCare.Interactions;

/// <summary>The port that stores interactions and reads customer timelines.</summary>
/// <remarks>
/// <para>Concurrency contract, which every implementation must keep and the conformance tests check:</para>
/// <list type="bullet">
/// <item><description>
/// <see cref="RecordAsync"/> is idempotent on (channel, external id): when an interaction with the same
/// <see cref="Interaction.Channel"/> and <see cref="Interaction.ExternalId"/> exists, it returns that one with
/// <see cref="RecordResult.WasDuplicate"/> set, also when both calls run at the same time; exactly one of them stores.
/// Interactions without an external id are never deduplicated.
/// </description></item>
/// <item><description>
/// Recording assigns <see cref="Interaction.Version"/> 1 and a <see cref="Interaction.Sequence"/> that is unique and
/// increasing within the store, so the timeline order is total.
/// </description></item>
/// <item><description>
/// <see cref="UpdateAsync"/> is optimistic: it succeeds only when the stored version equals the expected version and
/// then stores version + 1; otherwise it throws <see cref="ConcurrencyConflictException"/> with both versions.
/// <see cref="Interaction.Sequence"/>, <see cref="Interaction.OccurredAt"/>, <see cref="Interaction.RecordedAt"/> and
/// <see cref="Interaction.Channel"/> never change.
/// </description></item>
/// <item><description>Reads see every completed write. Every member is safe to call from many threads.</description></item>
/// </list>
/// </remarks>
public interface IInteractionStore
{
    /// <summary>Stores a new interaction, or returns the one already stored with the same channel and external id.</summary>
    /// <param name="interaction">The interaction, with <see cref="Interaction.Version"/> and <see cref="Interaction.Sequence"/> 0.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored interaction, with version and sequence assigned, and whether it was a duplicate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    /// <exception cref="ArgumentException">Version or sequence is not 0.</exception>
    /// <exception cref="CustomerCareValidationException">A property is invalid; see <see cref="Interaction.Validate"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">An interaction with the same id but another channel or external id exists.</exception>
    ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>Returns the interaction with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored interaction, or <see langword="null"/>.</returns>
    ValueTask<Interaction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default);

    /// <summary>Returns the interaction with the channel's id <paramref name="externalId"/>, or <see langword="null"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="externalId">The channel's id, such as an email Message-ID without angle brackets; compared ordinally.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored interaction, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="externalId"/> is null.</exception>
    ValueTask<Interaction?> FindByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default);

    /// <summary>Writes a changed interaction, such as one moved to another customer or anonymized.</summary>
    /// <param name="interaction">The changed snapshot.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored snapshot with version <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    /// <exception cref="ArgumentException">The write changes the sequence, occurred-at, recorded-at or channel.</exception>
    /// <exception cref="CustomerCareValidationException">A property is invalid.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>, or the interaction does not exist.</exception>
    ValueTask<Interaction> UpdateAsync(Interaction interaction, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of a customer's timeline.</summary>
    /// <param name="query">The customer, filters, order, page size and continuation token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; its token is <see langword="null"/> when no interaction follows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query is invalid; see <see cref="TimelineQuery.Validate"/>.</exception>
    ValueTask<TimelinePage> GetTimelineAsync(TimelineQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns every interaction of a customer, oldest first, for merges, exports and erasure.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interactions in timeline order; empty for an unknown customer.</returns>
    ValueTask<IReadOnlyList<Interaction>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Returns every interaction of a concern, oldest first.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interactions in timeline order; empty for an unknown concern.</returns>
    ValueTask<IReadOnlyList<Interaction>> ListByConcernAsync(ConcernId concernId, CancellationToken cancellationToken = default);
}
