namespace CustomerCare.SelfService;

/// <summary>
/// Per-thread accumulators of one query, reused so that matching allocates nothing once they fit the index.
/// </summary>
/// <remarks>
/// Instead of clearing the accumulators before each query, every slot carries the generation that last wrote it:
/// a slot from an older generation counts as zero. Clearing happens only when the generation counter wraps.
/// </remarks>
internal sealed class Bm25Scratch
{
    [ThreadStatic]
    private static Bm25Scratch? _current;

    private int _generation;

    public TokenBuffer Tokens { get; } = new();

    public int[] TermIds { get; private set; } = new int[32];

    public float[] VariantScore { get; private set; } = [];

    public int[] VariantStamp { get; private set; } = [];

    public int[] TouchedVariants { get; private set; } = [];

    public float[] ArticleField { get; private set; } = [];

    /// <summary>Gets the best variant scores of each touched article, <see cref="VariantsPerArticle"/> slots per article, highest first.</summary>
    public float[] ArticleVariants { get; private set; } = [];

    public int VariantsPerArticle { get; private set; } = 1;

    public int[] ArticleStamp { get; private set; } = [];

    public int[] TouchedArticles { get; private set; } = [];

    public int Generation => _generation;

    /// <summary>Gets or sets the number of entries in <see cref="TouchedVariants"/>.</summary>
    public int VariantCount { get; set; }

    /// <summary>Gets the number of entries in <see cref="TouchedArticles"/>.</summary>
    public int ArticleCount { get; private set; }

    /// <summary>Marks an article as touched by this query, zeroing its slots the first time.</summary>
    public void TouchArticle(int article)
    {
        if (ArticleStamp[article] != _generation)
        {
            ArticleStamp[article] = _generation;
            ArticleField[article] = 0;
            ArticleVariants.AsSpan(article * VariantsPerArticle, VariantsPerArticle).Clear();
            TouchedArticles[ArticleCount++] = article;
        }
    }

    /// <summary>Returns this thread's scratch, grown to fit an index of the given size, with a fresh generation.</summary>
    public static Bm25Scratch Rent(int variantCount, int articleCount, int variantsPerArticle)
    {
        var scratch = _current ??= new Bm25Scratch();
        scratch.EnsureCapacity(variantCount, articleCount, variantsPerArticle);
        scratch.NextGeneration();
        scratch.VariantCount = 0;
        scratch.ArticleCount = 0;
        return scratch;
    }

    public void EnsureTermCapacity(int count)
    {
        if (TermIds.Length < count)
        {
            TermIds = new int[Math.Max(count, TermIds.Length * 2)];
        }
    }

    private void EnsureCapacity(int variantCount, int articleCount, int variantsPerArticle)
    {
        VariantsPerArticle = variantsPerArticle;
        if (ArticleVariants.Length < articleCount * variantsPerArticle)
        {
            ArticleVariants = new float[articleCount * variantsPerArticle];
        }

        if (VariantScore.Length < variantCount)
        {
            VariantScore = new float[variantCount];
            VariantStamp = new int[variantCount];
            TouchedVariants = new int[variantCount];
        }

        if (ArticleField.Length < articleCount)
        {
            ArticleField = new float[articleCount];
            ArticleStamp = new int[articleCount];
            TouchedArticles = new int[articleCount];
        }
    }

    private void NextGeneration()
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(VariantStamp);
            Array.Clear(ArticleStamp);
            _generation = 0;
        }

        _generation++;
    }
}
