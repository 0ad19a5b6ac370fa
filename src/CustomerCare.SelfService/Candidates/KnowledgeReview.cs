using CustomerCare.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// Carries knowledge forward: proposes a candidate for every concern resolved at level 2 or deeper, and takes it
/// through review (proposed → approved → published, or rejected) until it is a published article that matchers find.
/// </summary>
/// <remarks>
/// <para>
/// The article that a candidate becomes has the candidate's question as title and only question variant, its
/// resolution as answer, and its intent; its identifier wraps the candidate's, so a publish repeated after a crash
/// finds the article it already wrote instead of writing a second one. Rebuild the matcher afterwards, for example
/// with <see cref="KnowledgeIndexLoader"/>, so the next customer with the same question is answered.
/// </para>
/// <para>
/// A review step that the candidate's state does not allow (approving a rejected candidate, publishing an unapproved
/// one) returns a result with the problem instead of throwing. This type is thread-safe; concurrent decisions on one
/// candidate are serialized by the queue's versions, and the loser gets <see cref="ConcurrencyConflictException"/>.
/// </para>
/// </remarks>
public sealed class KnowledgeReview
{
    private readonly IKnowledgeCandidateStore _queue;
    private readonly IKnowledgeStore _store;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    /// <summary>Initializes the review.</summary>
    /// <param name="queue">The candidate queue.</param>
    /// <param name="store">The knowledge store that published candidates go into.</param>
    /// <param name="clock">The clock for proposal and decision times.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="queue"/>, <paramref name="store"/> or <paramref name="clock"/> is null.</exception>
    public KnowledgeReview(IKnowledgeCandidateStore queue, IKnowledgeStore store, IClock clock, ILogger<KnowledgeReview>? logger = null)
    {
        _queue = Guard.NotNull(queue);
        _store = Guard.NotNull(store);
        _clock = Guard.NotNull(clock);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the shallowest level whose resolutions are proposed: <see cref="CompetenceLevel.SecondLevel"/>.</summary>
    public static CompetenceLevel MinimumLevel => CompetenceLevel.SecondLevel;

    /// <summary>Proposes a candidate for a resolved concern, when a level deep enough resolved it.</summary>
    /// <param name="concern">The resolved concern.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored candidate (the existing one if the concern was proposed before), or <see langword="null"/> when a level shallower than <see cref="MinimumLevel"/> resolved it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    /// <exception cref="ArgumentException">The concern's question or resolution is white space, or its id or intent is <c>default</c>.</exception>
    public async Task<KnowledgeCandidate?> ProposeAsync(ResolvedConcern concern, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(concern);
        if (concern.Level < MinimumLevel)
        {
            return null;
        }

        var now = _clock.GetCurrentInstant();
        var candidate = new KnowledgeCandidate(
            KnowledgeCandidateId.New(now), concern.Concern, concern.Question, concern.Resolution, concern.Intent, concern.Level, now);
        var stored = await _queue.ProposeAsync(candidate, cancellationToken).ConfigureAwait(false);
        if (stored.Id == candidate.Id)
        {
            Log.CandidateProposed(_logger, stored.Id, stored.SourceConcern, stored.ResolvedAtLevel.Rank);
        }

        return stored;
    }

    /// <summary>Approves a proposed candidate, optionally with the reviewer's edits.</summary>
    /// <param name="id">The candidate.</param>
    /// <param name="reviewer">The reviewer.</param>
    /// <param name="question">The edited question, or <see langword="null"/> to keep it.</param>
    /// <param name="resolution">The edited resolution, or <see langword="null"/> to keep it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The approved candidate, or the problem when it does not exist or is not proposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewer"/> is <c>default</c>, or an edit is white space.</exception>
    /// <exception cref="ConcurrencyConflictException">Another reviewer decided at the same time.</exception>
    public async Task<CandidateReviewResult> ApproveAsync(
        KnowledgeCandidateId id, AgentId reviewer, string? question = null, string? resolution = null, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(reviewer);
        var candidate = await _queue.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (candidate?.Status != KnowledgeCandidateStatus.Proposed)
        {
            return NotAllowed(id, candidate, "approved", "only proposed candidates can be approved");
        }

        var approved = candidate with
        {
            Question = question ?? candidate.Question,
            Resolution = resolution ?? candidate.Resolution,
            Status = KnowledgeCandidateStatus.Approved,
            Reviewer = reviewer,
            DecidedAt = _clock.GetCurrentInstant(),
        };
        return await SaveAsync(approved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a proposed or approved candidate.</summary>
    /// <param name="id">The candidate.</param>
    /// <param name="reviewer">The reviewer.</param>
    /// <param name="reason">Why, for the record and for the level that proposed it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The rejected candidate, or the problem when it does not exist, is published or already rejected.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewer"/> is <c>default</c>, or <paramref name="reason"/> is null or white space.</exception>
    /// <exception cref="ConcurrencyConflictException">Another reviewer decided at the same time.</exception>
    public async Task<CandidateReviewResult> RejectAsync(KnowledgeCandidateId id, AgentId reviewer, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(reviewer);
        Guard.NotNullOrWhiteSpace(reason);
        var candidate = await _queue.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (candidate?.Status is not (KnowledgeCandidateStatus.Proposed or KnowledgeCandidateStatus.Approved))
        {
            return NotAllowed(id, candidate, "rejected", "only proposed or approved candidates can be rejected");
        }

        var rejected = candidate with
        {
            Status = KnowledgeCandidateStatus.Rejected,
            Reviewer = reviewer,
            DecidedAt = _clock.GetCurrentInstant(),
            ReviewNote = reason,
        };
        return await SaveAsync(rejected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes an approved candidate as a knowledge article.</summary>
    /// <param name="id">The candidate.</param>
    /// <param name="reviewer">The person who publishes.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The published candidate and its article, or the problem when it does not exist or is not approved.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewer"/> is <c>default</c>.</exception>
    /// <exception cref="ConcurrencyConflictException">Another reviewer decided at the same time.</exception>
    public async Task<CandidateReviewResult> PublishAsync(KnowledgeCandidateId id, AgentId reviewer, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(reviewer);
        var candidate = await _queue.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (candidate?.Status != KnowledgeCandidateStatus.Approved)
        {
            return NotAllowed(id, candidate, "published", "only approved candidates can be published");
        }

        var articleId = new ArticleId(candidate.Id.Value);
        var article = await _store.FindAsync(articleId, cancellationToken).ConfigureAwait(false)
            ?? await _store.SaveAsync(ToArticle(candidate, articleId), cancellationToken).ConfigureAwait(false);

        var published = candidate with
        {
            Status = KnowledgeCandidateStatus.Published,
            Reviewer = reviewer,
            DecidedAt = _clock.GetCurrentInstant(),
            PublishedArticle = article.Id,
        };
        var result = await SaveAsync(published, cancellationToken).ConfigureAwait(false);
        Log.CandidatePublished(_logger, candidate.Id, article.Id);
        return CandidateReviewResult.Success(result.Candidate!, article);
    }

    private static KnowledgeArticle ToArticle(KnowledgeCandidate candidate, ArticleId id)
    {
        var title = candidate.Question.Trim();
        if (title.Length > KnowledgeArticle.MaxTitleLength)
        {
            title = title[..(KnowledgeArticle.MaxTitleLength - 1)] + "…";
        }

        return new KnowledgeArticle(id, title, candidate.Resolution, candidate.Intent)
        {
            QuestionVariants = [candidate.Question],
            Status = ArticleStatus.Published,
            SourceCandidate = candidate.Id,
        };
    }

    private async Task<CandidateReviewResult> SaveAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken)
    {
        var stored = await _queue.SaveAsync(candidate, cancellationToken).ConfigureAwait(false);
        Log.CandidateReviewed(_logger, stored.Id, stored.Status);
        return CandidateReviewResult.Success(stored);
    }

    private static CandidateReviewResult NotAllowed(KnowledgeCandidateId id, KnowledgeCandidate? candidate, string step, string rule) =>
        CandidateReviewResult.NotAllowed(
            candidate,
            candidate is null
                ? $"Candidate {id} was not found, so it cannot be {step}."
                : $"Candidate {id} is {candidate.Status}, so it cannot be {step}: {rule}.");
}
