namespace CustomerCare.SelfService;

/// <summary>
/// The two numbers that a <see cref="ConfidenceCalibration"/> turns into a confidence: how far the best intent is
/// ahead of the next one, and how strong the best match is on its own.
/// </summary>
/// <remarks>
/// <para>
/// Both lie in [0, 1]. For BM25, <see cref="Margin"/> is (s₁ − s₂) / s₁ with s₁ the best score and s₂ the best score
/// of another intent, and <see cref="Strength"/> is s₁ divided by the score that the query would reach if it matched
/// a question variant word for word. For a classifier, they are p₁ − p₂ and p₁ of the class probabilities.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
/// <param name="Margin">The lead of the best intent over the second, 0 (a tie) to 1 (no rival).</param>
/// <param name="Strength">The strength of the best match, 0 (nothing) to 1 (a perfect match).</param>
public readonly record struct MatchSignals(double Margin, double Strength);
