using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>One candidate answer: an article, or for classifiers without articles only an intent, with its score.</summary>
/// <remarks>
/// <see cref="Score"/> is the matcher's own measure (a BM25 sum, a class probability) and orders candidates of one
/// result; it is not comparable across matchers or across queries. Use <see cref="MatchResult.Confidence"/> for
/// decisions. This type is immutable and thread-safe.
/// </remarks>
/// <param name="Article">The matched article, or <see langword="null"/> when the matcher knows only intents.</param>
/// <param name="Intent">The contact reason of the candidate.</param>
/// <param name="Score">The matcher's score, greater is better.</param>
public readonly record struct MatchCandidate(ArticleId? Article, ContactReason Intent, double Score)
{
    /// <summary>Returns the candidate as text, such as <c>cards/arrival art_… 12.31</c>.</summary>
    /// <returns>The intent, the article if any, and the score.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Intent} {(Article is { } a ? a.ToString() : "-")} {Score:0.###}");
}
