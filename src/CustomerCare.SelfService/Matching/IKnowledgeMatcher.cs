namespace CustomerCare.SelfService;

/// <summary>
/// Finds the knowledge that answers a customer's text: the candidate articles and intents, best first, with a
/// calibrated confidence that the best one is right.
/// </summary>
/// <remarks>
/// <para>
/// Self-service, agent assist and the evaluation tools all use this port, so a matcher trained on labelled history
/// (such as the ML.NET classifier in CustomerCare.SelfService.MachineLearning) can replace the built-in
/// <see cref="Bm25KnowledgeMatcher"/> without other changes.
/// </para>
/// <para>
/// Matching is pure computation over an index built earlier, so the method is synchronous. Implementations must be
/// thread-safe: one instance serves every concurrent conversation.
/// </para>
/// </remarks>
public interface IKnowledgeMatcher
{
    /// <summary>Matches a customer's text against the knowledge.</summary>
    /// <param name="request">The text and how many candidates to return.</param>
    /// <returns>The candidates, best first, and the confidence in the best; <see cref="MatchResult.None"/> when nothing matches.</returns>
    /// <exception cref="ArgumentException"><paramref name="request"/> is <c>default</c> or its text is null.</exception>
    MatchResult Match(MatchRequest request);
}
