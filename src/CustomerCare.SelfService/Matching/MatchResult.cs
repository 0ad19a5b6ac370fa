using System.Collections.Immutable;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>The outcome of <see cref="IKnowledgeMatcher.Match(MatchRequest)"/>: candidates, best first, and the confidence in the best.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class MatchResult
{
    /// <summary>Initializes a new result.</summary>
    /// <param name="candidates">The candidates, best first.</param>
    /// <param name="confidence">The calibrated probability, in [0, 1], that the first candidate's intent is right.</param>
    /// <param name="signals">The signals that the confidence was computed from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside [0, 1] or not a number.</exception>
    /// <exception cref="ArgumentException"><paramref name="candidates"/> is empty but <paramref name="confidence"/> is not 0.</exception>
    public MatchResult(ImmutableArray<MatchCandidate> candidates, double confidence, MatchSignals signals)
    {
        if (!(confidence is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence is a probability between 0 and 1.");
        }

        Candidates = candidates.IsDefault ? [] : candidates;
        if (Candidates.IsEmpty && confidence != 0)
        {
            throw new ArgumentException("A result without candidates has confidence 0.", nameof(confidence));
        }

        Confidence = confidence;
        Signals = signals;
    }

    /// <summary>Gets the result for a text that matches nothing.</summary>
    public static MatchResult None { get; } = new([], 0, default);

    /// <summary>Gets the candidates, best first; distinct articles, or distinct intents for classifiers.</summary>
    public ImmutableArray<MatchCandidate> Candidates { get; }

    /// <summary>Gets the calibrated probability that the first candidate's intent is right; 0 without candidates.</summary>
    public double Confidence { get; }

    /// <summary>Gets the signals that the confidence was computed from.</summary>
    public MatchSignals Signals { get; }

    /// <summary>Gets the best candidate's intent, or <see langword="null"/> without candidates.</summary>
    public ContactReason? TopIntent => Candidates.IsEmpty ? null : Candidates[0].Intent;

    /// <summary>Gets the best candidate's article, or <see langword="null"/> without candidates or articles.</summary>
    public ArticleId? TopArticle => Candidates.IsEmpty ? null : Candidates[0].Article;
}
