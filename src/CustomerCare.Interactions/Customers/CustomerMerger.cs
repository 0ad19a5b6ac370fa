using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Interactions.Customers;

/// <summary>
/// Merges two customers into one and undoes a merge: interactions, concerns and contact points move to the survivor,
/// the merge is recorded with who and why, and the undo restores the split exactly.
/// </summary>
/// <remarks>
/// <para>
/// A merge writes its record first, then empties the merged customer (which stays as a tombstone pointing to the
/// survivor), then gives its contact points to the survivor, then moves interactions and concerns one by one. The
/// undo reverses the steps with the lists in the record. Interactions recorded on the survivor after the merge
/// stay with the survivor. Every write is optimistic; a moved interaction or concern that changed meanwhile is read
/// again and moved, so concurrent recording does not fail a merge.
/// </para>
/// <para>
/// NOTE: the steps are separate writes. If the process stops between them, the record exists but not every item
/// moved; calling <see cref="UndoAsync"/> on that record moves back what moved.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public sealed class CustomerMerger
{
    private const int MaxAttempts = 5;

    private readonly ICustomerStore _customers;
    private readonly IInteractionStore _interactions;
    private readonly IConcernStore _concerns;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    /// <summary>Initializes a merger.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="interactions">The interaction store.</param>
    /// <param name="concerns">The concern store.</param>
    /// <param name="clock">The clock for merge and undo instants.</param>
    /// <param name="logger">The logger; <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is null.</exception>
    public CustomerMerger(ICustomerStore customers, IInteractionStore interactions, IConcernStore concerns, IClock clock, ILogger<CustomerMerger>? logger = null)
    {
        _customers = Guard.NotNull(customers);
        _interactions = Guard.NotNull(interactions);
        _concerns = Guard.NotNull(concerns);
        _clock = Guard.NotNull(clock);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>.</summary>
    /// <param name="survivorId">The customer that remains.</param>
    /// <param name="mergedId">The customer whose interactions, concerns and contact points move to the survivor.</param>
    /// <param name="actor">Who merges, such as an agent id.</param>
    /// <param name="reason">Why, for the record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored merge record, whose id <see cref="UndoAsync"/> takes.</returns>
    /// <exception cref="ArgumentException">Both ids are the same customer, an id is default, or <paramref name="actor"/> or <paramref name="reason"/> is empty. Nothing is changed.</exception>
    /// <exception cref="EntityNotFoundException">A customer does not exist.</exception>
    /// <exception cref="InvalidOperationException">A customer was merged or erased already, or both carry different external ids in one system.</exception>
    /// <exception cref="ConcurrencyConflictException">A customer changed during the merge; call again.</exception>
    public async ValueTask<CustomerMerge> MergeAsync(CustomerId survivorId, CustomerId mergedId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(survivorId);
        Guard.NotDefault(mergedId);
        Guard.NotNullOrWhiteSpace(actor);
        Guard.NotNullOrWhiteSpace(reason);
        if (survivorId == mergedId)
        {
            throw new ArgumentException($"Customer {survivorId} cannot be merged with itself. Pass two different customers; nothing was changed.", nameof(mergedId));
        }

        var survivor = await LoadActiveAsync(survivorId, cancellationToken).ConfigureAwait(false);
        var merged = await LoadActiveAsync(mergedId, cancellationToken).ConfigureAwait(false);
        foreach (var point in merged.ContactPoints.Where(p => p.Kind == ContactPoints.ContactPointKind.ExternalId))
        {
            if (survivor.ExternalIdIn(point.Scope!) is { } other && other != point)
            {
                throw new InvalidOperationException(
                    $"Customers {survivorId} and {mergedId} carry different external ids in system '{point.Scope}', so they are different records there. Merge them in that system first.");
            }
        }

        var interactions = await _interactions.ListByCustomerAsync(mergedId, cancellationToken).ConfigureAwait(false);
        var concerns = await _concerns.ListByCustomerAsync(mergedId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var record = await _customers.SaveMergeAsync(
            new CustomerMerge
            {
                Id = CustomerMergeId.New(now),
                SurvivorId = survivorId,
                MergedId = mergedId,
                Actor = actor,
                Reason = reason,
                MergedAt = now,
                MergedSnapshot = merged,
                MovedInteractions = [.. interactions.Select(i => i.Id)],
                MovedConcerns = [.. concerns.Select(c => c.Id)],
                MovedContactPoints = [.. merged.ContactPoints.Where(p => !survivor.Has(p))],
            },
            expectedVersion: 0,
            cancellationToken).ConfigureAwait(false);

        // The merged customer gives up its contact points first, because the store keeps each one unique among active customers.
        await _customers.UpdateAsync(merged with { ContactPoints = [], MergedInto = survivorId }, merged.Version, cancellationToken).ConfigureAwait(false);
        await _customers.UpdateAsync(survivor with { ContactPoints = [.. survivor.ContactPoints, .. record.MovedContactPoints] }, survivor.Version, cancellationToken).ConfigureAwait(false);

        await MoveInteractionsAsync(record.MovedInteractions, mergedId, survivorId, cancellationToken).ConfigureAwait(false);
        await MoveConcernsAsync(record.MovedConcerns, mergedId, survivorId, cancellationToken).ConfigureAwait(false);

        Log.CustomersMerged(_logger, record.Id, mergedId, survivorId, record.MovedInteractions.Count, record.MovedConcerns.Count, record.MovedContactPoints.Count);
        return record;
    }

    /// <summary>Undoes a merge: the merged customer returns as it was, with its interactions, concerns and contact points.</summary>
    /// <param name="mergeId">The merge record's id.</param>
    /// <param name="actor">Who undoes the merge.</param>
    /// <param name="reason">Why, for the record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The merge record marked undone. Undoing an undone merge returns it unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> or <paramref name="reason"/> is empty, or <paramref name="mergeId"/> is default.</exception>
    /// <exception cref="EntityNotFoundException">The merge record or a customer does not exist.</exception>
    /// <exception cref="InvalidOperationException">The survivor was merged into another customer later, or a customer was erased.</exception>
    /// <exception cref="ConcurrencyConflictException">A customer changed during the undo; call again.</exception>
    public async ValueTask<CustomerMerge> UndoAsync(CustomerMergeId mergeId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(mergeId);
        Guard.NotNullOrWhiteSpace(actor);
        Guard.NotNullOrWhiteSpace(reason);

        var record = await _customers.FindMergeAsync(mergeId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("CustomerMerge", mergeId.ToString());
        if (record.IsUndone)
        {
            return record;
        }

        var survivor = await LoadAsync(record.SurvivorId, cancellationToken).ConfigureAwait(false);
        var merged = await LoadAsync(record.MergedId, cancellationToken).ConfigureAwait(false);
        if (survivor.MergedInto is { } later)
        {
            throw new InvalidOperationException($"Customer {survivor.Id} was merged into {later} after merge {mergeId}. Undo that merge first.");
        }

        if (survivor.ErasedAt is not null || merged.ErasedAt is not null)
        {
            throw new InvalidOperationException($"Merge {mergeId} cannot be undone because a customer in it was erased.");
        }

        var moved = record.MovedContactPoints;
        await _customers.UpdateAsync(survivor with { ContactPoints = [.. survivor.ContactPoints.Where(p => !moved.Contains(p))] }, survivor.Version, cancellationToken).ConfigureAwait(false);
        var snapshot = record.MergedSnapshot;
        await _customers.UpdateAsync(
            merged with
            {
                DisplayName = snapshot.DisplayName,
                ContactPoints = snapshot.ContactPoints,
                Preferences = snapshot.Preferences,
                MergedInto = snapshot.MergedInto,
            },
            merged.Version,
            cancellationToken).ConfigureAwait(false);

        await MoveInteractionsAsync(record.MovedInteractions, record.SurvivorId, record.MergedId, cancellationToken).ConfigureAwait(false);
        await MoveConcernsAsync(record.MovedConcerns, record.SurvivorId, record.MergedId, cancellationToken).ConfigureAwait(false);

        var undone = await _customers.SaveMergeAsync(
            record with { UndoneAt = _clock.GetCurrentInstant(), UndoneBy = actor, UndoReason = reason },
            record.Version,
            cancellationToken).ConfigureAwait(false);
        Log.MergeUndone(_logger, mergeId, record.MergedId, record.SurvivorId);
        return undone;
    }

    private async ValueTask<Customer> LoadAsync(CustomerId id, CancellationToken cancellationToken) =>
        await _customers.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("Customer", id.ToString());

    private async ValueTask<Customer> LoadActiveAsync(CustomerId id, CancellationToken cancellationToken)
    {
        var customer = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (customer.MergedInto is { } survivor)
        {
            throw new InvalidOperationException($"Customer {id} was merged into {survivor} already. Use {survivor} instead.");
        }

        if (customer.ErasedAt is not null)
        {
            throw new InvalidOperationException($"Customer {id} was erased, so it cannot be merged.");
        }

        return customer;
    }

    private async ValueTask MoveInteractionsAsync(IReadOnlyList<InteractionId> ids, CustomerId from, CustomerId to, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            for (var attempt = 1; ; attempt++)
            {
                var interaction = await _interactions.FindAsync(id, cancellationToken).ConfigureAwait(false);
                if (interaction is null || interaction.CustomerId != from)
                {
                    break;
                }

                try
                {
                    await _interactions.UpdateAsync(interaction with { CustomerId = to }, interaction.Version, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // Changed meanwhile, such as by a concurrent merge of its concern; read it again.
                }
            }
        }
    }

    private async ValueTask MoveConcernsAsync(IReadOnlyList<ConcernId> ids, CustomerId from, CustomerId to, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            for (var attempt = 1; ; attempt++)
            {
                var concern = await _concerns.FindAsync(id, cancellationToken).ConfigureAwait(false);
                if (concern is null || concern.CustomerId != from)
                {
                    break;
                }

                try
                {
                    await _concerns.UpdateAsync(concern with { CustomerId = to }, concern.Version, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // A new interaction joined the concern meanwhile; read it again.
                }
            }
        }
    }
}
