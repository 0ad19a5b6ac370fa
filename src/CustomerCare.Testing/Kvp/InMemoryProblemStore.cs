using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.Storage.Kvp;

namespace CustomerCare.Testing.Kvp;

/// <summary>An <see cref="IProblemStore"/> in memory, for tests and single-instance hosts.</summary>
/// <remarks>
/// Every operation takes one lock, so the store is thread-safe and its writes are atomic. Like the SQL stores, it keeps
/// instants in whole microseconds (see <see cref="Precision"/>) and returns the stored copy, so a test that passes here
/// passes on a database too.
/// </remarks>
public sealed class InMemoryProblemStore : IProblemStore
{
    private const string EntityType = "ProblemRecord";

    private readonly Lock _gate = new();
    private readonly Dictionary<ProblemId, ProblemRecord> _problems = [];

    /// <inheritdoc/>
    public Task<ProblemRecord?> FindAsync(ProblemId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_problems.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public Task<ProblemRecord> SaveAsync(ProblemRecord problem, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(problem);
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "The expected version is 0 for a new record or the version that was read.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var saved = KvpDocuments.Stored(problem, expectedVersion + 1);
        lock (_gate)
        {
            long? actual = _problems.TryGetValue(problem.Id, out var stored) ? stored.Version : null;
            if ((actual ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException(EntityType, problem.Id.ToString(), expectedVersion, actual);
            }

            _problems[problem.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc/>
    public Task<StorePage<ProblemRecord>> ListAsync(ProblemQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var page = KeysetPaging.Page(_problems.Values.Where(query.Matches), p => p.OpenedAt, p => p.Id.Value, query.PageSize, query.ContinuationToken);
            return Task.FromResult(new StorePage<ProblemRecord>(page.Items, page.ContinuationToken));
        }
    }
}
