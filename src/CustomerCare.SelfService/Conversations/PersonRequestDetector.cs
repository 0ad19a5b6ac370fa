namespace CustomerCare.SelfService;

/// <summary>
/// Recognizes a customer asking for a person ("let me talk to a human", "AGENT!") in the words of a query, so
/// self-service hands off instead of matching.
/// </summary>
/// <remarks>
/// A phrase matches when all of its words occur in the query in the same order, possibly with other words between
/// them, after case and diacritic folding and without stop-word removal: "I want to speak with an actual agent"
/// contains "speak ... agent". Single-word phrases match only a query of at most three words, because "agent" in
/// "my agent fee is wrong" is not a request. This type is immutable and thread-safe.
/// </remarks>
public sealed class PersonRequestDetector
{
    private const int MaxWordsForSingleWordPhrase = 3;

    private readonly TextAnalyzer _analyzer = TextAnalyzer.Create([], stem: false);
    private readonly string[][] _phrases;

    /// <summary>Initializes a detector for the given phrases.</summary>
    /// <param name="phrases">The phrases, such as "talk to a person"; each must contain at least one letter or digit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phrases"/> is null or contains null.</exception>
    /// <exception cref="ArgumentException">A phrase has no letters or digits.</exception>
    public PersonRequestDetector(IEnumerable<string> phrases)
    {
        Guard.NoNullElements(phrases);
        var buffer = new TokenBuffer();
        var list = new List<string[]>();
        foreach (var phrase in phrases)
        {
            _analyzer.Analyze(phrase, buffer);
            if (buffer.Count == 0)
            {
                throw new ArgumentException($"The phrase '{phrase}' has no letters or digits. Remove it.", nameof(phrases));
            }

            list.Add([.. Enumerable.Range(0, buffer.Count).Select(i => buffer[i].ToString())]);
        }

        _phrases = [.. list];
    }

    /// <summary>Gets English phrases that ask for a person.</summary>
    public static IReadOnlyList<string> DefaultPhrases { get; } =
    [
        "agent", "human", "person", "operator", "representative", "someone real",
        "talk to someone", "speak to someone", "talk person", "speak person", "talk human", "speak human",
        "talk agent", "speak agent", "real person", "real human", "customer service representative",
        "call me back",
    ];

    /// <summary>Returns whether <paramref name="text"/> asks for a person.</summary>
    /// <param name="text">The customer's words.</param>
    /// <returns><see langword="true"/> when a phrase matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public bool IsPersonRequest(string text)
    {
        Guard.NotNull(text);
        var buffer = new TokenBuffer();
        _analyzer.Analyze(text, buffer);
        foreach (var phrase in _phrases)
        {
            if (phrase.Length == 1 && buffer.Count > MaxWordsForSingleWordPhrase)
            {
                continue;
            }

            var next = 0;
            for (var i = 0; i < buffer.Count && next < phrase.Length; i++)
            {
                if (buffer[i].SequenceEqual(phrase[next]))
                {
                    next++;
                }
            }

            if (next == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }
}
