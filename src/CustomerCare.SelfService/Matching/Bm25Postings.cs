namespace CustomerCare.SelfService;

/// <summary>
/// The postings of one field in compressed-row form: the entries of term t are
/// <c>Documents[Start[t]..Start[t + 1]]</c> with their precomputed BM25 contributions in <c>Weights</c>.
/// </summary>
/// <remarks>
/// A contribution is field weight × idf(t) × tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avgdl)), all known when the index
/// is built, so a query only adds floats.
/// </remarks>
internal sealed class Bm25Postings
{
    public Bm25Postings(int[] start, int[] documents, float[] weights, int documentCount, double averageLength, double[] idf)
    {
        Start = start;
        Documents = documents;
        Weights = weights;
        DocumentCount = documentCount;
        AverageLength = averageLength;
        Idf = idf;
    }

    public int[] Start { get; }

    public int[] Documents { get; }

    public float[] Weights { get; }

    public int DocumentCount { get; }

    public double AverageLength { get; }

    /// <summary>Gets idf(t) of each term in this field; terms absent from the field have the largest idf.</summary>
    public double[] Idf { get; }

    public double UnseenIdf => Bm25Math.Idf(DocumentCount, 0);

    /// <summary>Builds the postings from (term, document, term frequency) entries, one per distinct pair.</summary>
    public static Bm25Postings Build(
        List<(int Term, int Document, int Frequency)> entries, int[] documentLengths, int termCount, double fieldWeight, double k1, double b)
    {
        var documentCount = documentLengths.Length;
        var totalLength = 0L;
        foreach (var length in documentLengths)
        {
            totalLength += length;
        }

        var averageLength = documentCount == 0 || totalLength == 0 ? 1.0 : (double)totalLength / documentCount;

        var start = new int[termCount + 1];
        foreach (var entry in entries)
        {
            start[entry.Term + 1]++;
        }

        var idf = new double[termCount];
        for (var t = 0; t < termCount; t++)
        {
            idf[t] = Bm25Math.Idf(documentCount, start[t + 1]);
            start[t + 1] += start[t];
        }

        var next = (int[])start.Clone();
        var documents = new int[entries.Count];
        var weights = new float[entries.Count];
        foreach (var (term, document, frequency) in entries)
        {
            var slot = next[term]++;
            documents[slot] = document;
            var norm = k1 * (1 - b + (b * documentLengths[document] / averageLength));
            weights[slot] = (float)(fieldWeight * idf[term] * frequency * (k1 + 1) / (frequency + norm));
        }

        return new Bm25Postings(start, documents, weights, documentCount, averageLength, idf);
    }
}
