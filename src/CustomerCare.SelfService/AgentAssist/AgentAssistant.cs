using System.Collections.Immutable;

namespace CustomerCare.SelfService;

/// <summary>
/// Suggests knowledge articles to the person handling a concern, with the same matcher that self-service uses, so the
/// first level answers with what deeper levels already published.
/// </summary>
/// <remarks>
/// Unlike self-service, agent assist applies no confidence thresholds: a person judges the suggestions. When the
/// concern's intent is known, articles of that intent, its ancestors or its descendants come first, in the matcher's
/// order, followed by the rest. This type is thread-safe.
/// </remarks>
public sealed class AgentAssistant
{
    private const int CandidatesPerSuggestion = 3;

    private readonly IKnowledgeMatcher _matcher;

    /// <summary>Initializes a new assistant.</summary>
    /// <param name="matcher">The matcher, usually the one self-service uses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="matcher"/> is null.</exception>
    public AgentAssistant(IKnowledgeMatcher matcher)
    {
        _matcher = Guard.NotNull(matcher);
    }

    /// <summary>Returns the articles that best fit the concern.</summary>
    /// <param name="request">The concern's text and, if known, its intent.</param>
    /// <returns>The match, with up to <see cref="AgentAssistRequest.MaxSuggestions"/> candidates in suggestion order.</returns>
    /// <exception cref="ArgumentException"><paramref name="request"/> is <c>default</c>.</exception>
    public MatchResult Suggest(AgentAssistRequest request)
    {
        var text = request.Text ?? throw new ArgumentException("The request is default and has no text. Create it with new AgentAssistRequest(text).", nameof(request));

        // Fetch more than needed, so that articles of the concern's intent further down can move up.
        var wanted = Math.Min(request.MaxSuggestions * CandidatesPerSuggestion, MatchRequest.MaxCandidatesLimit);
        var match = _matcher.Match(new MatchRequest(text, wanted));
        if (match.Candidates.IsEmpty)
        {
            return match;
        }

        var ordered = request.ConcernIntent is { } intent
            ? match.Candidates.OrderBy(c => c.Intent.IsWithin(intent) || intent.IsWithin(c.Intent) ? 0 : 1)
            : match.Candidates.AsEnumerable();
        var suggestions = ordered.Take(request.MaxSuggestions).ToImmutableArray();
        var confidence = suggestions[0].Intent == match.Candidates[0].Intent ? match.Confidence : 0;
        return new MatchResult(suggestions, confidence, match.Signals);
    }
}
