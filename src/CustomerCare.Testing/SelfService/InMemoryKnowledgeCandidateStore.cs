using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Testing.SelfService;

/// <summary>An <see cref="IKnowledgeCandidateStore"/> in memory, for tests and single-process hosts.</summary>
/// <remarks>
/// Follows the port's contract exactly: optimistic versions, one candidate per source concern, pages ordered by
/// identifier, instants kept to whole microseconds (as PostgreSQL's <c>timestamptz</c> keeps them), and text that a
/// database can store (no unpaired surrogates). One lock guards all state, so every operation is atomic and the type
/// is thread-safe. Nothing survives the process.
/// </remarks>
public sealed class InMemoryKnowledgeCandidateStore : IKnowledgeCandidateStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<KnowledgeCandidateId, KnowledgeCandidate> _candidates = [];
    private readonly Dictionary<ConcernId, KnowledgeCandidateId> _byConcern = [];

    /// <inheritdoc/>
    public Task<KnowledgeCandidate> ProposeAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(candidate);
        if (candidate.Version != 0 || candidate.Status != KnowledgeCandidateStatus.Proposed)
        {
            throw new ArgumentException(
                $"Candidate {candidate.Id} has version {candidate.Version} and status {candidate.Status}; a proposal needs version 0 and status Proposed.",
                nameof(candidate));
        }

        RequireWellFormed(candidate);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_byConcern.TryGetValue(candidate.SourceConcern, out var existing))
            {
                return Task.FromResult(_candidates[existing]);
            }

            if (_candidates.TryGetValue(candidate.Id, out var clash))
            {
                throw new ConcurrencyConflictException(nameof(KnowledgeCandidate), candidate.Id.ToString(), 0, clash.Version);
            }

            var stored = Truncated(candidate) with { Version = 1 };
            _candidates[candidate.Id] = stored;
            _byConcern[candidate.SourceConcern] = candidate.Id;
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public Task<KnowledgeCandidate?> FindAsync(KnowledgeCandidateId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_candidates.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public Task<KnowledgeCandidate> SaveAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(candidate);
        RequireWellFormed(candidate);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var stored = _candidates.GetValueOrDefault(candidate.Id);
            if (stored is null || stored.Version != candidate.Version)
            {
                throw new ConcurrencyConflictException(nameof(KnowledgeCandidate), candidate.Id.ToString(), candidate.Version, stored?.Version);
            }

            if (stored.SourceConcern != candidate.SourceConcern)
            {
                throw new ArgumentException($"Candidate {candidate.Id} belongs to concern {stored.SourceConcern}; the source concern cannot change.", nameof(candidate));
            }

            var saved = Truncated(candidate) with { Version = candidate.Version + 1 };
            _candidates[candidate.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<KnowledgeCandidate>> ListAsync(
        KnowledgeCandidateStatus? status, KnowledgeCandidateId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, 1000);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<KnowledgeCandidate> page = _candidates.Values
                .Where(c => (after is null || c.Id > after.Value) && (status is null || c.Status == status))
                .Take(limit)
                .ToList();
            return Task.FromResult(page);
        }
    }

    private static KnowledgeCandidate Truncated(KnowledgeCandidate candidate) => candidate with
    {
        ProposedAt = Precision.ToMicroseconds(candidate.ProposedAt),
        DecidedAt = candidate.DecidedAt is { } decidedAt ? Precision.ToMicroseconds(decidedAt) : null,
    };

    private static void RequireWellFormed(KnowledgeCandidate candidate)
    {
        UnicodeText.RequireWellFormed(candidate.Question, $"The question of candidate {candidate.Id}", nameof(candidate));
        UnicodeText.RequireWellFormed(candidate.Resolution, $"The resolution of candidate {candidate.Id}", nameof(candidate));
        UnicodeText.RequireWellFormed(candidate.ReviewNote, $"The review note of candidate {candidate.Id}", nameof(candidate));
    }
}
