namespace CustomerCare.SelfService;

/// <summary>What a customer or an agent wants matched, and how many candidates to return.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct MatchRequest
{
    /// <summary>The default and maximum number of candidates that self-service shows: three, as customers read no more.</summary>
    public const int DefaultMaxCandidates = 3;

    /// <summary>The largest number of candidates that a request may ask for.</summary>
    public const int MaxCandidatesLimit = 50;

    /// <summary>Initializes a new request.</summary>
    /// <param name="text">The customer's words, as typed.</param>
    /// <param name="maxCandidates">How many candidates to return, 1 to <see cref="MaxCandidatesLimit"/>.</param>
    /// <param name="language">The language to restrict the articles to, such as <c>en</c>, or <see langword="null"/> for all.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCandidates"/> is outside 1 to <see cref="MaxCandidatesLimit"/>.</exception>
    public MatchRequest(string text, int maxCandidates = DefaultMaxCandidates, string? language = null)
    {
        Text = Guard.NotNull(text);
        MaxCandidates = Guard.InRange(maxCandidates, 1, MaxCandidatesLimit);
        Language = language?.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the customer's words.</summary>
    public string Text { get; }

    /// <summary>Gets how many candidates to return.</summary>
    public int MaxCandidates { get; }

    /// <summary>Gets the language that articles must have, lower case, or <see langword="null"/> for any.</summary>
    public string? Language { get; }

    /// <summary>Throws when the request is <c>default</c>, which has no text.</summary>
    /// <returns>The text.</returns>
    internal string RequireText() =>
        Text ?? throw new ArgumentException("The match request is default and has no text. Create it with new MatchRequest(text).", "request");
}
