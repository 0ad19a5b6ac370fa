using CustomerCare.Core;
using CustomerCare.SelfService;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Storage;

/// <summary>
/// The JSON column of a stored knowledge candidate: every property except the typed key columns (identifier, source
/// concern, status and version). Instants are ISO-8601 text with up to six decimals.
/// </summary>
internal sealed record CandidateDocument(
    string Question,
    string Resolution,
    string Intent,
    int LevelRank,
    string LevelName,
    string ProposedAt,
    string? Reviewer = null,
    string? DecidedAt = null,
    string? ReviewNote = null,
    string? PublishedArticle = null)
{
    /// <summary>Returns <paramref name="candidate"/> with its instants truncated to whole microseconds, as the store keeps them.</summary>
    public static KnowledgeCandidate Truncate(KnowledgeCandidate candidate) => candidate with
    {
        ProposedAt = ToMicroseconds(candidate.ProposedAt),
        DecidedAt = candidate.DecidedAt is { } decidedAt ? ToMicroseconds(decidedAt) : null,
    };

    /// <summary>Returns the JSON document of <paramref name="candidate"/>, whose instants must be truncated already.</summary>
    /// <exception cref="ArgumentException">A text of the candidate contains an unpaired surrogate.</exception>
    public static string Write(KnowledgeCandidate candidate)
    {
        UnicodeText.RequireWellFormed(candidate.Question, $"The question of candidate {candidate.Id}", nameof(candidate));
        UnicodeText.RequireWellFormed(candidate.Resolution, $"The resolution of candidate {candidate.Id}", nameof(candidate));
        UnicodeText.RequireWellFormed(candidate.ReviewNote, $"The review note of candidate {candidate.Id}", nameof(candidate));

        var document = new CandidateDocument(
            candidate.Question,
            candidate.Resolution,
            candidate.Intent.Code,
            candidate.ResolvedAtLevel.Rank,
            candidate.ResolvedAtLevel.Name,
            InstantPattern.ExtendedIso.Format(candidate.ProposedAt),
            candidate.Reviewer?.ToString(),
            candidate.DecidedAt is { } decidedAt ? InstantPattern.ExtendedIso.Format(decidedAt) : null,
            candidate.ReviewNote,
            candidate.PublishedArticle?.ToString());
        return SelfServiceJsonContext.Write(document, SelfServiceJsonContext.Storage.CandidateDocument);
    }

    /// <summary>Returns the candidate that a stored row with text identifiers describes.</summary>
    /// <exception cref="InvalidOperationException">An identifier or the document describes no valid candidate.</exception>
    public static KnowledgeCandidate Read(string id, string sourceConcern, long status, long version, string json) =>
        SelfServiceJsonContext.Read("candidate", id, () => Build(KnowledgeCandidateId.Parse(id), ConcernId.Parse(sourceConcern), status, version, json));

    /// <summary>Returns the candidate that a stored row with typed identifiers describes.</summary>
    /// <exception cref="InvalidOperationException">The document is not valid JSON or describes no valid candidate.</exception>
    public static KnowledgeCandidate Read(KnowledgeCandidateId id, ConcernId sourceConcern, long status, long version, string json) =>
        SelfServiceJsonContext.Read("candidate", id, () => Build(id, sourceConcern, status, version, json));

    private static KnowledgeCandidate Build(KnowledgeCandidateId id, ConcernId sourceConcern, long status, long version, string json)
    {
        var document = SelfServiceJsonContext.Parse(json, SelfServiceJsonContext.Storage.CandidateDocument);
        return new KnowledgeCandidate(
            id,
            sourceConcern,
            document.Question,
            document.Resolution,
            ContactReason.Parse(document.Intent),
            new CompetenceLevel(document.LevelRank, document.LevelName),
            InstantPattern.ExtendedIso.Parse(document.ProposedAt).Value)
        {
            Status = (KnowledgeCandidateStatus)status,
            Reviewer = document.Reviewer is null ? null : AgentId.Parse(document.Reviewer),
            DecidedAt = document.DecidedAt is null ? null : InstantPattern.ExtendedIso.Parse(document.DecidedAt).Value,
            ReviewNote = document.ReviewNote,
            PublishedArticle = document.PublishedArticle is null ? null : ArticleId.Parse(document.PublishedArticle),
            Version = version,
        };
    }

    private static Instant ToMicroseconds(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % 10;
        return Instant.FromUnixTimeTicks(ticks - (remainder < 0 ? remainder + 10 : remainder));
    }
}
