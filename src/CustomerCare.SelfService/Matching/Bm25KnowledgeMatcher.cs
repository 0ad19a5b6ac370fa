using System.Runtime.InteropServices;

namespace CustomerCare.SelfService;

/// <summary>
/// The built-in <see cref="IKnowledgeMatcher"/>: an in-memory BM25 index over the published articles' question
/// variants, titles and answers, with "did this help?" feedback and a calibrated confidence.
/// </summary>
/// <remarks>
/// <para>
/// An article's score is <c>(QuestionWeight·(best variant + SupportingVariantShare·(sum of the next
/// SupportingVariants best variants)) + TitleWeight·title + BodyWeight·body) × feedback factor</c>, where each part is
/// Okapi BM25 over that field with its own statistics.
/// Confidence comes from the lead of the best intent over the best article of any other intent and from the best
/// score relative to a word-for-word match, through <see cref="Bm25MatcherOptions.Calibration"/>.
/// </para>
/// <para>
/// The index is immutable: build a new matcher when articles change, for example with
/// <see cref="KnowledgeIndexLoader"/>. Building 10,000 articles takes well under a second. Matching allocates only
/// the result; <see cref="Match(ReadOnlySpan{char}, Span{MatchCandidate}, out MatchSignals, string?)"/> allocates
/// nothing once the calling thread's scratch space has grown to fit the index.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public sealed class Bm25KnowledgeMatcher : IKnowledgeMatcher
{
    private readonly Bm25Index _index;
    private readonly float[] _feedbackFactor;

    private Bm25KnowledgeMatcher(Bm25Index index, float[] feedbackFactor, ConfidenceCalibration calibration, int skipped)
    {
        _index = index;
        _feedbackFactor = feedbackFactor;
        Calibration = calibration;
        SkippedArticleCount = skipped;
    }

    /// <summary>Gets the number of indexed (published) articles.</summary>
    public int ArticleCount => _index.Articles.Length;

    /// <summary>Gets the number of articles that were passed in but not indexed because they are drafts or retired.</summary>
    public int SkippedArticleCount { get; }

    /// <summary>Gets the number of distinct terms in the index.</summary>
    public int TermCount => _index.TermCount;

    /// <summary>Gets the options the index was built with.</summary>
    public Bm25MatcherOptions Options => _index.Options;

    /// <summary>Gets the calibration in use, which <see cref="WithCalibration"/> replaces.</summary>
    public ConfidenceCalibration Calibration { get; }

    /// <summary>Builds a matcher over the published articles among <paramref name="articles"/>.</summary>
    /// <param name="articles">The articles; drafts and retired ones are counted in <see cref="SkippedArticleCount"/> and not indexed.</param>
    /// <param name="options">The settings; <see cref="Bm25MatcherOptions.Default"/> when null.</param>
    /// <param name="feedback">The "did this help?" votes by article; none when null.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="articles"/> is null or contains null.</exception>
    /// <exception cref="ArgumentException">Two articles have the same identifier.</exception>
    /// <exception cref="Core.CustomerCareValidationException"><paramref name="options"/> has a setting out of range.</exception>
    public static Bm25KnowledgeMatcher Build(
        IEnumerable<KnowledgeArticle> articles,
        Bm25MatcherOptions? options = null,
        IReadOnlyDictionary<ArticleId, ArticleFeedback>? feedback = null)
    {
        Guard.NoNullElements(articles);
        options ??= Bm25MatcherOptions.Default;
        options.Validate();

        var published = new List<KnowledgeArticle>();
        var seen = new HashSet<ArticleId>();
        var skipped = 0;
        foreach (var article in articles)
        {
            if (!seen.Add(article.Id))
            {
                throw new ArgumentException($"Article {article.Id} occurs twice. Pass each article once.", nameof(articles));
            }

            if (article.Status == ArticleStatus.Published)
            {
                published.Add(article);
            }
            else
            {
                skipped++;
            }
        }

        var index = Bm25Index.Build(published, options);
        return new Bm25KnowledgeMatcher(index, FeedbackFactors(index, options, feedback), options.Calibration, skipped);
    }

    /// <summary>Returns a matcher that shares this index but computes confidence with <paramref name="calibration"/>.</summary>
    /// <param name="calibration">The calibration, usually from <see cref="ConfidenceCalibration.Fit"/>.</param>
    /// <returns>The new matcher; this one is unchanged.</returns>
    public Bm25KnowledgeMatcher WithCalibration(ConfidenceCalibration calibration) =>
        new(_index, _feedbackFactor, calibration, SkippedArticleCount);

    /// <summary>Returns a matcher that shares this index but ranks with new feedback totals.</summary>
    /// <param name="feedback">The "did this help?" votes by article; articles without an entry count as neutral.</param>
    /// <returns>The new matcher; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feedback"/> is null.</exception>
    public Bm25KnowledgeMatcher WithFeedback(IReadOnlyDictionary<ArticleId, ArticleFeedback> feedback)
    {
        Guard.NotNull(feedback);
        return new(_index, FeedbackFactors(_index, _index.Options, feedback), Calibration, SkippedArticleCount);
    }

    /// <inheritdoc/>
    public MatchResult Match(MatchRequest request)
    {
        var text = request.RequireText();
        var candidates = new MatchCandidate[request.MaxCandidates];
        var count = Match(text, candidates, out var signals, request.Language);
        if (count == 0)
        {
            return MatchResult.None;
        }

        var result = count == candidates.Length ? candidates : candidates[..count];
        return new MatchResult(ImmutableCollectionsMarshal.AsImmutableArray(result), Calibration.Apply(signals), signals);
    }

    /// <summary>Matches without allocating: writes the best candidates into <paramref name="destination"/>.</summary>
    /// <param name="text">The customer's words.</param>
    /// <param name="destination">Where the candidates go, best first; its length is the number wanted.</param>
    /// <param name="signals">The signals of the match, for <see cref="ConfidenceCalibration.Apply"/>.</param>
    /// <param name="language">The language that articles must have, lower case, or <see langword="null"/> for any.</param>
    /// <returns>The number of candidates written, 0 when nothing matches.</returns>
    public int Match(ReadOnlySpan<char> text, Span<MatchCandidate> destination, out MatchSignals signals, string? language = null)
    {
        var index = _index;
        var scratch = Bm25Scratch.Rent(index.VariantArticle.Length, index.Articles.Length, index.Options.SupportingVariants + 1);
        var ideal = AccumulateTerms(text, scratch);
        var touchedArticles = CollectArticles(scratch);

        Span<int> top = stackalloc int[Math.Min(destination.Length, MatchRequest.MaxCandidatesLimit)];
        var count = SelectTop(scratch, touchedArticles, language, top, out var bestScore, out var rivalScore);

        for (var i = 0; i < count; i++)
        {
            var a = top[i];
            destination[i] = new MatchCandidate(index.Articles[a], index.Intents[index.ArticleIntent[a]], scratch.ArticleField[a]);
        }

        signals = count == 0
            ? default
            : new MatchSignals((bestScore - rivalScore) / bestScore, ideal <= 0 ? 0 : Math.Min(1, bestScore / ideal));
        return count;
    }

    /// <summary>Adds the postings of each distinct known query term and returns the score of a word-for-word match.</summary>
    private double AccumulateTerms(ReadOnlySpan<char> text, Bm25Scratch scratch)
    {
        var index = _index;
        var tokens = scratch.Tokens;
        index.Analyzer.Analyze(text, tokens);
        scratch.EnsureTermCapacity(tokens.Count);

        // The strength reference is the query indexed as one more question variant (or title, if no article has
        // variants): every distinct word once, in a text of the query's length.
        var reference = index.Question.DocumentCount > 0 ? index.Question : index.Title;
        var referenceWeight = index.Question.DocumentCount > 0 ? index.Options.QuestionWeight : index.Options.TitleWeight;
        var idealIdf = 0.0;
        var distinct = 0;
        var termIds = scratch.TermIds;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsRepeated(tokens, i))
            {
                continue;
            }

            if (!index.TryGetTerm(tokens[i], out var termId))
            {
                idealIdf += reference.UnseenIdf;
                continue;
            }

            idealIdf += reference.Idf[termId];
            termIds[distinct++] = termId;
        }

        // TODO(perf): every posting of every query term is visited, so a word that occurs in most answer bodies makes
        // a query touch most articles (about 1 ms for 10,000 articles with 40-word bodies). MaxScore-style pruning,
        // which skips the postings of low-idf terms once they cannot lift an untouched article into the top
        // candidates, would bound the work by the rare terms.
        var generation = scratch.Generation;
        var variantScore = scratch.VariantScore;
        var variantStamp = scratch.VariantStamp;
        var touchedVariants = scratch.TouchedVariants;
        var touchedCount = 0;
        for (var i = 0; i < distinct; i++)
        {
            var term = termIds[i];
            var postings = index.Question;
            for (var p = postings.Start[term]; p < postings.Start[term + 1]; p++)
            {
                var v = postings.Documents[p];
                if (variantStamp[v] != generation)
                {
                    variantStamp[v] = generation;
                    variantScore[v] = 0;
                    touchedVariants[touchedCount++] = v;
                }

                variantScore[v] += postings.Weights[p];
            }

            AddArticleField(index.Title, term, scratch);
            AddArticleField(index.Body, term, scratch);
        }

        scratch.VariantCount = touchedCount;
        var options = index.Options;
        var length = tokens.Count;
        return referenceWeight * idealIdf * Bm25Math.SingleOccurrence(options.K1, options.B, length, reference.AverageLength);
    }

    private static bool IsRepeated(TokenBuffer tokens, int i)
    {
        for (var j = 0; j < i; j++)
        {
            if (tokens[j].SequenceEqual(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddArticleField(Bm25Postings postings, int term, Bm25Scratch scratch)
    {
        for (var p = postings.Start[term]; p < postings.Start[term + 1]; p++)
        {
            var a = postings.Documents[p];
            scratch.TouchArticle(a);
            scratch.ArticleField[a] += postings.Weights[p];
        }
    }

    /// <summary>Folds the variant scores into their articles and turns each touched article's slot into its total.</summary>
    private int CollectArticles(Bm25Scratch scratch)
    {
        var variantArticle = _index.VariantArticle;
        var slots = scratch.VariantsPerArticle;
        var best = scratch.ArticleVariants;
        for (var i = 0; i < scratch.VariantCount; i++)
        {
            var v = scratch.TouchedVariants[i];
            var a = variantArticle[v];
            scratch.TouchArticle(a);

            // Insertion into the article's few slots, kept highest first.
            var score = scratch.VariantScore[v];
            var first = a * slots;
            var slot = first + slots - 1;
            if (score <= best[slot])
            {
                continue;
            }

            while (slot > first && score > best[slot - 1])
            {
                best[slot] = best[slot - 1];
                slot--;
            }

            best[slot] = score;
        }

        var share = (float)_index.Options.SupportingVariantShare;
        for (var i = 0; i < scratch.ArticleCount; i++)
        {
            var a = scratch.TouchedArticles[i];
            var first = a * slots;
            var variants = best[first];
            for (var s = 1; s < slots; s++)
            {
                variants += share * best[first + s];
            }

            scratch.ArticleField[a] = (scratch.ArticleField[a] + variants) * _feedbackFactor[a];
        }

        return scratch.ArticleCount;
    }

    /// <summary>Picks the best articles by total, highest first and by index among equals, and the best score of another intent.</summary>
    private int SelectTop(Bm25Scratch scratch, int touchedCount, string? language, Span<int> top, out float bestScore, out float rivalScore)
    {
        var index = _index;
        var total = scratch.ArticleField;
        var count = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            var a = scratch.TouchedArticles[i];
            var score = total[a];
            if (score <= 0 || (language is not null && !string.Equals(index.ArticleLanguage[a], language, StringComparison.Ordinal)))
            {
                continue;
            }

            if (count == top.Length && !Ranks(score, a, total[top[count - 1]], top[count - 1]))
            {
                continue;
            }

            var slot = count < top.Length ? count++ : count - 1;
            while (slot > 0 && Ranks(score, a, total[top[slot - 1]], top[slot - 1]))
            {
                top[slot] = top[slot - 1];
                slot--;
            }

            top[slot] = a;
        }

        bestScore = count == 0 ? 0 : total[top[0]];
        rivalScore = 0;
        if (count == 0)
        {
            return 0;
        }

        var bestIntent = index.ArticleIntent[top[0]];
        for (var i = 0; i < touchedCount; i++)
        {
            var a = scratch.TouchedArticles[i];
            if (index.ArticleIntent[a] != bestIntent && total[a] > rivalScore
                && (language is null || string.Equals(index.ArticleLanguage[a], language, StringComparison.Ordinal)))
            {
                rivalScore = total[a];
            }
        }

        return count;
    }

    private static bool Ranks(float score, int article, float otherScore, int otherArticle) =>
        score > otherScore || (score == otherScore && article < otherArticle);

    private static float[] FeedbackFactors(Bm25Index index, Bm25MatcherOptions options, IReadOnlyDictionary<ArticleId, ArticleFeedback>? feedback)
    {
        var factors = new float[index.Articles.Length];
        for (var a = 0; a < factors.Length; a++)
        {
            var votes = feedback is not null && feedback.TryGetValue(index.Articles[a], out var f) ? f : default;
            var share = votes.SmoothedHelpfulShare(options.FeedbackPriorVotes);
            factors[a] = (float)(1 + (options.FeedbackInfluence * ((2 * share) - 1)));
        }

        return factors;
    }
}
