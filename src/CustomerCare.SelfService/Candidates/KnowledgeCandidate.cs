using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// What a deeper competence level learned while resolving a concern, proposed for the knowledge base: the question as
/// the customer asked it, the resolution, the intent and the source concern, with its review state.
/// </summary>
/// <remarks>
/// <see cref="Version"/> is the queue's optimistic version: 0 before it is stored, then 1, 2, … per write. Equality
/// compares every property. This type is immutable and thread-safe; change it with <c>with</c> expressions.
/// </remarks>
public sealed record KnowledgeCandidate
{
    /// <summary>Initializes a new proposed candidate.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="sourceConcern">The resolved concern it comes from.</param>
    /// <param name="question">The question as the customer asked it.</param>
    /// <param name="resolution">How it was resolved.</param>
    /// <param name="intent">The concern's contact reason.</param>
    /// <param name="resolvedAtLevel">The competence level that resolved it.</param>
    /// <param name="proposedAt">When it was proposed.</param>
    /// <exception cref="ArgumentException">An identifier or the intent is <c>default</c>, or a text is null or white space.</exception>
    public KnowledgeCandidate(
        KnowledgeCandidateId id, ConcernId sourceConcern, string question, string resolution, ContactReason intent, CompetenceLevel resolvedAtLevel, Instant proposedAt)
    {
        Id = Guard.NotDefault(id);
        SourceConcern = Guard.NotDefault(sourceConcern);
        Question = question;
        Resolution = resolution;
        Intent = Guard.NotDefault(intent);
        ResolvedAtLevel = resolvedAtLevel;
        ProposedAt = proposedAt;
    }

    /// <summary>Gets the identifier.</summary>
    public KnowledgeCandidateId Id { get; init; }

    /// <summary>Gets the resolved concern it comes from; the queue contains at most one candidate per concern.</summary>
    public ConcernId SourceConcern { get; init; }

    /// <summary>Gets the question as the customer asked it, or as the reviewer edited it.</summary>
    /// <exception cref="ArgumentException">The value set is null or white space.</exception>
    public string Question { get; init => field = Guard.NotNullOrWhiteSpace(value); }

    /// <summary>Gets the resolution, or as the reviewer edited it.</summary>
    /// <exception cref="ArgumentException">The value set is null or white space.</exception>
    public string Resolution { get; init => field = Guard.NotNullOrWhiteSpace(value); }

    /// <summary>Gets the contact reason.</summary>
    public ContactReason Intent { get; init; }

    /// <summary>Gets the competence level that resolved the concern.</summary>
    public CompetenceLevel ResolvedAtLevel { get; init; }

    /// <summary>Gets when it was proposed.</summary>
    public Instant ProposedAt { get; init; }

    /// <summary>Gets the review state; <see cref="KnowledgeCandidateStatus.Proposed"/> at first.</summary>
    public KnowledgeCandidateStatus Status { get; init; }

    /// <summary>Gets the reviewer of the last decision, or <see langword="null"/> while proposed.</summary>
    public AgentId? Reviewer { get; init; }

    /// <summary>Gets when the last decision was made, or <see langword="null"/> while proposed.</summary>
    public Instant? DecidedAt { get; init; }

    /// <summary>Gets the reviewer's note, such as why it was rejected, or <see langword="null"/>.</summary>
    public string? ReviewNote { get; init; }

    /// <summary>Gets the article it was published as, or <see langword="null"/>.</summary>
    public ArticleId? PublishedArticle { get; init; }

    /// <summary>Gets the queue's optimistic version: 0 when never stored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public long Version
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Versions start at 0 for a candidate that was never stored.");
    }
}
