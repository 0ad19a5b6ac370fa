using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Storage.Kvp;

namespace CustomerCare.Testing.Kvp;

/// <summary>An <see cref="IIdeaStore"/> in memory, for tests and single-instance hosts.</summary>
/// <remarks>
/// Every operation takes one lock, so the store is thread-safe and its writes are atomic. It keeps every idea and every
/// idempotency key for its lifetime. Like the SQL stores, it keeps instants in whole microseconds (see
/// <see cref="Precision"/>) and returns the stored copy, so a test that passes here passes on a database too.
/// </remarks>
public sealed class InMemoryIdeaStore : IIdeaStore
{
    private const string EntityType = "ImprovementIdea";
    private const int MaxKeyLength = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<IdeaId, ImprovementIdea> _ideas = [];
    private readonly Dictionary<string, IdeaId> _keys = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<ImprovementIdea?> FindAsync(IdeaId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_ideas.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public Task<ImprovementIdea> SubmitAsync(ImprovementIdea idea, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(idea);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The idempotency key has {idempotencyKey.Length} characters and the maximum is {MaxKeyLength}. Use a shorter key, such as a hash.", nameof(idempotencyKey));
        }

        if (idempotencyKey.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The idempotency key contains the NUL character (U+0000), which PostgreSQL text cannot store. Remove it or use a hash of the key.", nameof(idempotencyKey));
        }

        if (idea.Version != 0)
        {
            throw new ArgumentException($"A submitted idea must be new (version 0), but {idea.Id} has version {idea.Version}. Use SaveAsync to change a stored idea.", nameof(idea));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var saved = KvpDocuments.Stored(idea, 1);
        lock (_gate)
        {
            if (_keys.TryGetValue(idempotencyKey, out var existing))
            {
                return Task.FromResult(_ideas[existing]);
            }

            if (_ideas.TryGetValue(idea.Id, out var stored))
            {
                throw new ConcurrencyConflictException(EntityType, idea.Id.ToString(), 0, stored.Version);
            }

            _ideas.Add(idea.Id, saved);
            _keys.Add(idempotencyKey, idea.Id);
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc/>
    public Task<ImprovementIdea> SaveAsync(ImprovementIdea idea, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(idea);
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "The expected version is 0 for a new idea or the version that was read.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var saved = KvpDocuments.Stored(idea, expectedVersion + 1);
        lock (_gate)
        {
            long? actual = _ideas.TryGetValue(idea.Id, out var stored) ? stored.Version : null;
            if ((actual ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException(EntityType, idea.Id.ToString(), expectedVersion, actual);
            }

            _ideas[idea.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc/>
    public Task<StorePage<ImprovementIdea>> ListAsync(IdeaQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var page = KeysetPaging.Page(_ideas.Values.Where(query.Matches), i => i.SubmittedAt, i => i.Id.Value, query.PageSize, query.ContinuationToken);
            return Task.FromResult(new StorePage<ImprovementIdea>(page.Items, page.ContinuationToken));
        }
    }
}
