using System.Collections.Frozen;
using System.Text;

namespace CustomerCare.Kvp.Metrics;

/// <summary>
/// Reduces a self-service query to its significant terms, so that "How do I get a REFUND for my invoice?" and
/// "invoice refund" fall into one knowledge-gap group.
/// </summary>
/// <remarks>
/// Terms are runs of letters and digits, lower-cased with the invariant culture. Terms shorter than three characters
/// and common English function words are dropped. The remaining distinct terms are sorted ordinally and the first
/// <see cref="MaxTerms"/> are joined with spaces.
/// </remarks>
internal static class KnowledgeGapTerms
{
    public const int MaxTerms = 4;

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "the", "and", "for", "you", "your", "are", "was", "not", "but", "can", "how", "what", "why", "when", "where", "who",
        "does", "did", "have", "has", "had", "with", "from", "this", "that", "there", "their", "they", "will", "would",
        "could", "should", "about", "into", "get", "got", "want", "need", "please", "help", "my", "me", "our", "any",
        "all", "its", "it's", "i'm", "is", "do", "to", "of", "in", "on", "an", "a", "be", "or", "if", "at", "by", "so",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return string.Empty;
        }

        var terms = new SortedSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in query)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            AddTerm(terms, current);
        }

        AddTerm(terms, current);
        return string.Join(' ', terms.Take(MaxTerms));
    }

    private static void AddTerm(SortedSet<string> terms, StringBuilder current)
    {
        if (current.Length >= 3)
        {
            var term = current.ToString();
            if (!StopWords.Contains(term))
            {
                terms.Add(term);
            }
        }

        current.Clear();
    }
}
