using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;

namespace CustomerCare.Testing.Interactions;

/// <summary>An <see cref="IConcernStore"/> in memory, for tests and single-instance hosts.</summary>
/// <remarks>
/// It keeps the contract of <see cref="IConcernStore"/> with one lock. Instants are truncated to whole microseconds,
/// as on a database. This type is thread-safe.
/// </remarks>
public sealed class InMemoryConcernStore : IConcernStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ConcernId, Concern> _byId = [];
    private readonly Dictionary<long, ConcernId> _byNumber = [];
    private readonly Dictionary<string, ConcernId> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Dictionary<CustomerId, List<ConcernId>> _byCustomer = [];
    private long _lastNumber;

    /// <summary>Initializes a store whose first concern gets number <paramref name="firstNumber"/>.</summary>
    /// <param name="firstNumber">The first concern number, 1 or greater; 10001 by default so that numbers have five digits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstNumber"/> is less than 1.</exception>
    public InMemoryConcernStore(long firstNumber = 10001)
    {
        if (firstNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstNumber), firstNumber, "Concern numbers start at 1 or later.");
        }

        _lastNumber = firstNumber - 1;
    }

    /// <inheritdoc/>
    public ValueTask<ConcernCreation> CreateAsync(Concern concern, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(concern);
        Guard.NotDefault(concern.Id, nameof(concern));
        Guard.NotDefault(concern.CustomerId, nameof(concern));
        if (concern.Version != 0 || concern.Number != 0)
        {
            throw new ArgumentException($"Concern {concern.Id} has version {concern.Version} and number {concern.Number}; a new concern must have 0 for both.", nameof(concern));
        }

        if (idempotencyKey is not null)
        {
            Guard.NotNullOrWhiteSpace(idempotencyKey);
        }

        lock (_lock)
        {
            if (idempotencyKey is not null && _byIdempotencyKey.TryGetValue(idempotencyKey, out var existingId))
            {
                return ValueTask.FromResult(new ConcernCreation(_byId[existingId], AlreadyExisted: true));
            }

            if (_byId.TryGetValue(concern.Id, out var sameId))
            {
                throw new ConcurrencyConflictException("Concern", concern.Id.ToString(), 0, sameId.Version);
            }

            var stored = ToMicroseconds(concern) with { Version = 1, Number = ++_lastNumber };
            _byId.Add(stored.Id, stored);
            _byNumber.Add(stored.Number, stored.Id);
            if (idempotencyKey is not null)
            {
                _byIdempotencyKey.Add(idempotencyKey, stored.Id);
            }

            AddToCustomer(stored);
            return ValueTask.FromResult(new ConcernCreation(stored, AlreadyExisted: false));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Concern?> FindAsync(ConcernId id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Concern?> FindByNumberAsync(long number, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_byNumber.TryGetValue(number, out var id) ? _byId[id] : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Concern?> FindActiveByReasonAsync(CustomerId customerId, ContactReason reason, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Concern? best = null;
            if (_byCustomer.TryGetValue(customerId, out var ids))
            {
                foreach (var id in ids)
                {
                    var concern = _byId[id];
                    if (concern.Status is ConcernStatus.Open or ConcernStatus.Resolved && concern.ContactReason == reason
                        && (best is null || concern.LastActivityAt > best.LastActivityAt
                            || (concern.LastActivityAt == best.LastActivityAt && concern.Number > best.Number)))
                    {
                        best = concern;
                    }
                }
            }

            return ValueTask.FromResult(best);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Concern>> ListByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Concern> result = _byCustomer.TryGetValue(customerId, out var ids) ? [.. ids.Select(id => _byId[id]).OrderBy(c => c.Number)] : [];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Concern> UpdateAsync(Concern concern, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(concern);
        concern = ToMicroseconds(concern);
        lock (_lock)
        {
            if (!_byId.TryGetValue(concern.Id, out var current) || current.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException("Concern", concern.Id.ToString(), expectedVersion, current?.Version);
            }

            if (concern.Number != current.Number || concern.OpenedAt != current.OpenedAt)
            {
                throw new ArgumentException($"Concern {concern.Id}: the number and opened-at never change. Copy the stored snapshot with a 'with' expression.", nameof(concern));
            }

            var stored = concern with { Version = expectedVersion + 1 };
            if (stored.CustomerId != current.CustomerId)
            {
                _byCustomer[current.CustomerId].Remove(current.Id);
                AddToCustomer(stored);
            }

            _byId[stored.Id] = stored;
            return ValueTask.FromResult(stored);
        }
    }

    private static Concern ToMicroseconds(Concern concern) => concern with
    {
        OpenedAt = Precision.ToMicroseconds(concern.OpenedAt),
        LastActivityAt = Precision.ToMicroseconds(concern.LastActivityAt),
        ResolvedAt = concern.ResolvedAt is { } resolvedAt ? Precision.ToMicroseconds(resolvedAt) : null,
        ClosedAt = concern.ClosedAt is { } closedAt ? Precision.ToMicroseconds(closedAt) : null,
        ReopenedAt = concern.ReopenedAt is { } reopenedAt ? Precision.ToMicroseconds(reopenedAt) : null,
        Links = [.. concern.Links.Select(link => link with { At = Precision.ToMicroseconds(link.At) })],
    };

    private void AddToCustomer(Concern concern)
    {
        if (!_byCustomer.TryGetValue(concern.CustomerId, out var ids))
        {
            ids = [];
            _byCustomer.Add(concern.CustomerId, ids);
        }

        ids.Add(concern.Id);
    }
}
