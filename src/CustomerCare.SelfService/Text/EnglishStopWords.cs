using System.Collections.Frozen;

namespace CustomerCare.SelfService;

/// <summary>The default stop words for English: words so common that they carry no meaning for matching.</summary>
/// <remarks>
/// The list keeps the words that tell concerns apart in customer service: question words ("why", "how", "when"),
/// negations ("not", "no", "never") and quantities ("more", "all"). "Why was my card declined" and "how do I use my
/// card" differ mostly in those words.
/// </remarks>
public static class EnglishStopWords
{
    /// <summary>Gets the words, lower case and without diacritics, as the analyzer compares them.</summary>
    public static FrozenSet<string> Words { get; } = new[]
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "as", "of", "at", "by", "for", "with", "about",
        "into", "onto", "to", "from", "in", "on", "off", "up", "out", "over", "under", "again", "further", "once",
        "here", "there", "this", "that", "these", "those", "it", "its", "itself", "i", "me", "my", "myself", "we",
        "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
        "she", "her", "hers", "herself", "they", "them", "their", "theirs", "themselves", "am", "is", "are", "was",
        "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would", "could",
        "should", "shall", "will", "can", "may", "might", "must", "im", "ive", "id", "ill", "youre", "its", "thats",
        "theres", "very", "just", "too", "also", "please", "hi", "hello", "hey", "thanks", "thank", "some", "any",
        "each", "other", "such", "own", "same", "than", "which", "who", "whom", "whose", "while", "because", "until",
        "both", "only", "s", "t", "d", "ll", "m", "re", "ve",
    }.ToFrozenSet(StringComparer.Ordinal);
}
