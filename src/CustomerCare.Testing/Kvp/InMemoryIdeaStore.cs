using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;

namespace CustomerCare.Testing.Kvp;

/// <summary>An <see cref="IIdeaStore"/> in memory, for tests and single-instance hosts.</summary>
/// <remarks>
/// Every operation takes one lock, so the store is thread-safe and its writes are atomic. It keeps every idea and every
/// idempotency key for its lifetime.
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

        if (idea.Version != 0)
        {
            throw new ArgumentException($"A submitted idea must be new (version 0), but {idea.Id} has version {idea.Version}. Use SaveAsync to change a stored idea.", nameof(idea));
        }

        cancellationToken.ThrowIfCancellationRequested();
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

            var saved = idea.WithVersion(1);
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
        lock (_gate)
        {
            long? actual = _ideas.TryGetValue(idea.Id, out var stored) ? stored.Version : null;
            if ((actual ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException(EntityType, idea.Id.ToString(), expectedVersion, actual);
            }

            var saved = idea.WithVersion(expectedVersion + 1);
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
