using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;

namespace CustomerCare.Testing.Interactions;

/// <summary>An <see cref="ICustomerStore"/> in memory, for tests and single-instance hosts.</summary>
/// <remarks>
/// It keeps the contract of <see cref="ICustomerStore"/> with one lock, and indexes contact points by their
/// normalized value and their folded value, so resolution is a dictionary look-up. Instants are truncated to whole
/// microseconds, as on a database. This type is thread-safe.
/// </remarks>
public sealed class InMemoryCustomerStore : ICustomerStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<CustomerId, Customer> _byId = [];
    private readonly Dictionary<ContactPoint, CustomerId> _owners = [];
    private readonly Dictionary<ContactPoint, List<CustomerId>> _sharedPostal = [];
    private readonly Dictionary<(ContactPointKind Kind, string Loose), List<CustomerId>> _loose = [];
    private readonly Dictionary<CustomerMergeId, CustomerMerge> _merges = [];
    private readonly Dictionary<CustomerId, List<ConsentEntry>> _consent = [];

    /// <inheritdoc/>
    public ValueTask<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(customer);
        Guard.NotDefault(customer.Id, nameof(customer));
        if (customer.Version != 0)
        {
            throw new ArgumentException($"Customer {customer.Id} has version {customer.Version}; a new customer must have version 0. Use UpdateAsync to change a stored one.", nameof(customer));
        }

        lock (_lock)
        {
            if (_byId.TryGetValue(customer.Id, out var existing))
            {
                throw new ConcurrencyConflictException("Customer", customer.Id.ToString(), 0, existing.Version);
            }

            var stored = ToMicroseconds(customer) with { Version = 1 };
            RequireFree(stored);
            _byId.Add(stored.Id, stored);
            Index(stored);
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Customer> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(customer);
        customer = ToMicroseconds(customer);
        lock (_lock)
        {
            if (!_byId.TryGetValue(customer.Id, out var current) || current.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException("Customer", customer.Id.ToString(), expectedVersion, current?.Version);
            }

            if (customer.CreatedAt != current.CreatedAt)
            {
                throw new ArgumentException($"Customer {customer.Id}: CreatedAt never changes. Copy the stored snapshot with a 'with' expression.", nameof(customer));
            }

            var stored = customer with { Version = expectedVersion + 1 };
            Unindex(current);
            try
            {
                RequireFree(stored);
            }
            catch (ContactPointInUseException)
            {
                Index(current);
                throw;
            }

            _byId[stored.Id] = stored;
            Index(stored);
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Customer?> FindByContactPointAsync(ContactPoint contactPoint, CancellationToken cancellationToken = default)
    {
        if (contactPoint.Kind == 0)
        {
            throw new ArgumentException("The contact point is default(ContactPoint). Create it with ContactPoint.Email or another factory.", nameof(contactPoint));
        }

        lock (_lock)
        {
            if (contactPoint.Kind == ContactPointKind.PostalAddress)
            {
                return ValueTask.FromResult(_sharedPostal.TryGetValue(contactPoint, out var sharing) ? _byId[sharing[0]] : null);
            }

            return ValueTask.FromResult(_owners.TryGetValue(contactPoint, out var owner) ? _byId[owner] : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Customer>> FindByLooseValueAsync(ContactPointKind kind, string looseValue, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(looseValue);
        lock (_lock)
        {
            IReadOnlyList<Customer> result = _loose.TryGetValue((kind, looseValue), out var ids) ? [.. ids.Select(id => _byId[id])] : [];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public ValueTask<CustomerMerge> SaveMergeAsync(CustomerMerge merge, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(merge);
        lock (_lock)
        {
            var current = _merges.GetValueOrDefault(merge.Id);
            if ((current?.Version ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException("CustomerMerge", merge.Id.ToString(), expectedVersion, current?.Version);
            }

            var stored = merge with
            {
                Version = expectedVersion + 1,
                MergedAt = Precision.ToMicroseconds(merge.MergedAt),
                UndoneAt = merge.UndoneAt is { } undoneAt ? Precision.ToMicroseconds(undoneAt) : null,
                MergedSnapshot = ToMicroseconds(merge.MergedSnapshot),
            };
            _merges[stored.Id] = stored;
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<CustomerMerge?> FindMergeAsync(CustomerMergeId id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_merges.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<CustomerMerge>> ListMergesAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<CustomerMerge> result =
                [.. _merges.Values.Where(m => m.SurvivorId == customerId || m.MergedId == customerId).OrderBy(m => m.MergedAt).ThenBy(m => m.Id)];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        entry = new ConsentEntry(entry.CustomerId, entry.Purpose, entry.Channel, entry.Status, Precision.ToMicroseconds(entry.At), entry.Source, entry.TextVersion);
        lock (_lock)
        {
            if (!_consent.TryGetValue(entry.CustomerId, out var ledger))
            {
                ledger = [];
                _consent.Add(entry.CustomerId, ledger);
            }

            if (ledger.Contains(entry))
            {
                return ValueTask.FromResult(false);
            }

            ledger.Add(entry);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ConsentEntry>> ListConsentAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ConsentEntry> result = _consent.TryGetValue(customerId, out var ledger) ? [.. ledger] : [];
            return ValueTask.FromResult(result);
        }
    }

    private static Customer ToMicroseconds(Customer customer) => customer with
    {
        CreatedAt = Precision.ToMicroseconds(customer.CreatedAt),
        ErasedAt = customer.ErasedAt is { } erasedAt ? Precision.ToMicroseconds(erasedAt) : null,
    };

    private void RequireFree(Customer customer)
    {
        if (!customer.IsActive)
        {
            return;
        }

        foreach (var point in customer.ContactPoints)
        {
            if (point.Kind != ContactPointKind.PostalAddress && _owners.TryGetValue(point, out var owner) && owner != customer.Id)
            {
                throw new ContactPointInUseException(point.Kind, owner, customer.Id);
            }
        }
    }

    private void Index(Customer customer)
    {
        if (!customer.IsActive)
        {
            return;
        }

        foreach (var point in customer.ContactPoints)
        {
            if (point.Kind == ContactPointKind.PostalAddress)
            {
                Add(_sharedPostal, point, customer.Id);
            }
            else
            {
                _owners[point] = customer.Id;
            }

            if (point.LooseValue is { } loose)
            {
                Add(_loose, (point.Kind, loose), customer.Id);
            }
        }
    }

    private void Unindex(Customer customer)
    {
        if (!customer.IsActive)
        {
            return;
        }

        foreach (var point in customer.ContactPoints)
        {
            if (point.Kind == ContactPointKind.PostalAddress)
            {
                Remove(_sharedPostal, point, customer.Id);
            }
            else
            {
                _owners.Remove(point);
            }

            if (point.LooseValue is { } loose)
            {
                Remove(_loose, (point.Kind, loose), customer.Id);
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<CustomerId>> index, TKey key, CustomerId id)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var ids))
        {
            ids = [];
            index.Add(key, ids);
        }

        if (!ids.Contains(id))
        {
            ids.Add(id);
            ids.Sort();
        }
    }

    private static void Remove<TKey>(Dictionary<TKey, List<CustomerId>> index, TKey key, CustomerId id)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0)
        {
            index.Remove(key);
        }
    }
}
