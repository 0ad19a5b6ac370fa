using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Interactions.Concerns;

/// <summary>
/// Merges one concern into another, such as two concerns that turned out to be the same matter. Threading then
/// redirects every interaction that would join the merged concern to the target.
/// </summary>
/// <remarks>
/// The merged concern gets status <see cref="ConcernStatus.Merged"/> and a <see cref="ConcernLinkKind.MergedInto"/>
/// link; the target gets a <see cref="ConcernLinkKind.MergedFrom"/> link and the merged concern's participants, and
/// every interaction of the merged concern moves to the target, so the target contains the whole history. This type is
/// thread-safe.
/// </remarks>
public sealed class ConcernMerger
{
    private readonly IConcernStore _concerns;
    private readonly IInteractionStore _interactions;
    private readonly IClock _clock;

    /// <summary>Initializes a merger.</summary>
    /// <param name="concerns">The concern store.</param>
    /// <param name="interactions">The interaction store.</param>
    /// <param name="clock">The clock for link instants.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ConcernMerger(IConcernStore concerns, IInteractionStore interactions, IClock clock)
    {
        _concerns = Guard.NotNull(concerns);
        _interactions = Guard.NotNull(interactions);
        _clock = Guard.NotNull(clock);
    }

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="targetId"/>.</summary>
    /// <param name="mergedId">The concern that ends.</param>
    /// <param name="targetId">The concern that continues.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored target concern.</returns>
    /// <exception cref="ArgumentException">Both ids are the same concern, or one is default. Nothing is changed.</exception>
    /// <exception cref="EntityNotFoundException">A concern does not exist.</exception>
    /// <exception cref="InvalidOperationException">A concern was merged already.</exception>
    /// <exception cref="ConcurrencyConflictException">A concern changed during the merge; call again.</exception>
    public async ValueTask<Concern> MergeAsync(ConcernId mergedId, ConcernId targetId, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(mergedId);
        Guard.NotDefault(targetId);
        if (mergedId == targetId)
        {
            throw new ArgumentException($"Concern {mergedId} cannot be merged into itself. Pass two different concerns; nothing was changed.", nameof(targetId));
        }

        var merged = await LoadUnmergedAsync(mergedId, cancellationToken).ConfigureAwait(false);
        var target = await LoadUnmergedAsync(targetId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();

        var storedTarget = await _concerns.UpdateAsync(
            target with
            {
                Links = [.. target.Links, new ConcernLink(ConcernLinkKind.MergedFrom, mergedId, now)],
                Participants = [.. target.Participants, .. merged.Participants],
                LastActivityAt = merged.LastActivityAt > target.LastActivityAt ? merged.LastActivityAt : target.LastActivityAt,
            },
            target.Version,
            cancellationToken).ConfigureAwait(false);
        await _concerns.UpdateAsync(
            merged with
            {
                Status = ConcernStatus.Merged,
                MergedInto = targetId,
                Links = [.. merged.Links, new ConcernLink(ConcernLinkKind.MergedInto, targetId, now)],
            },
            merged.Version,
            cancellationToken).ConfigureAwait(false);

        foreach (var interaction in await _interactions.ListByConcernAsync(mergedId, cancellationToken).ConfigureAwait(false))
        {
            await _interactions.UpdateAsync(interaction with { ConcernId = targetId }, interaction.Version, cancellationToken).ConfigureAwait(false);
        }

        return storedTarget;
    }

    private async ValueTask<Concern> LoadUnmergedAsync(ConcernId id, CancellationToken cancellationToken)
    {
        var concern = await _concerns.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("Concern", id.ToString());
        return concern.Status == ConcernStatus.Merged
            ? throw new InvalidOperationException($"Concern {id} was merged into {concern.MergedInto} already. Use that concern instead.")
            : concern;
    }
}
