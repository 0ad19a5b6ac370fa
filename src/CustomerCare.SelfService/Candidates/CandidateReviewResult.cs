namespace CustomerCare.SelfService;

/// <summary>The outcome of a review step: the candidate afterwards, or why the step was not allowed.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class CandidateReviewResult
{
    private CandidateReviewResult(bool succeeded, KnowledgeCandidate? candidate, KnowledgeArticle? article, string? problem)
    {
        Succeeded = succeeded;
        Candidate = candidate;
        Article = article;
        Problem = problem;
    }

    /// <summary>Gets a value indicating whether the step was done.</summary>
    public bool Succeeded { get; }

    /// <summary>Gets the candidate as stored after the step, or as found when the step was not allowed; <see langword="null"/> when it does not exist.</summary>
    public KnowledgeCandidate? Candidate { get; }

    /// <summary>Gets the published article after a successful publish, else <see langword="null"/>.</summary>
    public KnowledgeArticle? Article { get; }

    /// <summary>Gets why the step was not allowed, or <see langword="null"/> when it succeeded.</summary>
    public string? Problem { get; }

    internal static CandidateReviewResult Success(KnowledgeCandidate candidate, KnowledgeArticle? article = null) => new(true, candidate, article, null);

    internal static CandidateReviewResult NotAllowed(KnowledgeCandidate? candidate, string problem) => new(false, candidate, null, problem);
}
