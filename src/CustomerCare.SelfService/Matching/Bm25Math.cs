namespace CustomerCare.SelfService;

/// <summary>The BM25 formulas, as in Lucene's BM25 similarity.</summary>
internal static class Bm25Math
{
    /// <summary>Returns idf(t) = ln(1 + (N − n + 0.5) / (n + 0.5)), which stays positive even for words in every document.</summary>
    public static double Idf(int documentCount, int documentFrequency) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>Returns the term-frequency part for one occurrence in a document of <paramref name="length"/> terms.</summary>
    public static double SingleOccurrence(double k1, double b, double length, double averageLength) =>
        (k1 + 1) / (1 + (k1 * (1 - b + (b * length / averageLength))));
}
