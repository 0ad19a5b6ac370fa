using System.Text;
using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Benchmarks.SelfService;

/// <summary>
/// A deterministic knowledge base of made-up words with a Zipf-like frequency, so a few words are common and most
/// are rare, as in real FAQ text. Each article has a five-word title, three question variants of six to ten words
/// and a forty-word answer; there are 200 intents.
/// </summary>
internal static class SyntheticKnowledgeBase
{
    private const int VocabularySize = 5000;

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "gu", "hi", "jo", "be", "fa", "zu"];

    public static KnowledgeArticle[] Articles(int count, int seed = 42)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, VocabularySize).Select(Word).ToArray();
        var intents = Enumerable.Range(0, 200).Select(i => ContactReason.Parse($"topic{i % 20}/intent{i}")).ToArray();
        var articles = new KnowledgeArticle[count];
        for (var i = 0; i < count; i++)
        {
            articles[i] = new KnowledgeArticle(new ArticleId(IdFor(i + 1)), Text(random, words, 5), Text(random, words, 40), intents[i % intents.Length])
            {
                QuestionVariants = [Text(random, words, random.Next(6, 11)), Text(random, words, random.Next(6, 11)), Text(random, words, random.Next(6, 11))],
                Status = ArticleStatus.Published,
            };
        }

        return articles;
    }

    /// <summary>Returns the <paramref name="count"/> most frequent words, which play the part of function words.</summary>
    public static string[] MostFrequentWords(int count) => [.. Enumerable.Range(0, count).Select(Word)];

    /// <summary>Returns queries that reword question variants: one word of each replaced by a random one.</summary>
    public static string[] Queries(KnowledgeArticle[] articles, int count, int seed = 7)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, VocabularySize).Select(Word).ToArray();
        var queries = new string[count];
        for (var i = 0; i < count; i++)
        {
            var variant = articles[random.Next(articles.Length)].QuestionVariants[random.Next(3)].Split(' ');
            variant[random.Next(variant.Length)] = words[Zipf(random)];
            queries[i] = string.Join(' ', variant);
        }

        return queries;
    }

    private static string Text(Random random, string[] words, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(words[Zipf(random)]);
        }

        return text.ToString();
    }

    /// <summary>Draws a word rank with probability roughly proportional to 1 / rank.</summary>
    private static int Zipf(Random random) => (int)Math.Min(VocabularySize - 1, Math.Exp(random.NextDouble() * Math.Log(VocabularySize)) - 1);

    private static string Word(int index)
    {
        var word = new StringBuilder();
        do
        {
            word.Append(Syllables[index % Syllables.Length]);
            index /= Syllables.Length;
        }
        while (index > 0);

        return word.Append('n').ToString();
    }

    private static Guid IdFor(int sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[12..], sequence);
        bytes[0] = 1;
        return new Guid(bytes);
    }
}
