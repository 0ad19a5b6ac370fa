using System.Buffers.Binary;
using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Samples.ServiceDesk.Knowledge;

/// <summary>
/// The self-service matcher of a run: the built-in BM25 matcher over the starting articles, rebuilt whenever an
/// escalation teaches a new one, so knowledge gained at a deeper level answers the next customer with the same concern.
/// </summary>
/// <remarks>
/// Matching and learning may run on different threads: the current matcher is swapped atomically and each match uses
/// one consistent index. Learning an intent that is already known changes nothing.
/// </remarks>
internal sealed class LearningKnowledgeMatcher : IKnowledgeMatcher
{
    private readonly Lock _gate = new();
    private readonly List<KnowledgeArticle> _articles = [];
    private readonly HashSet<ContactReason> _intents = [];
    private readonly HashSet<ArticleId> _learned = [];
    private readonly List<ContactReason> _learnedIntents = [];
    private readonly ConfidenceCalibration _calibration;
    private volatile Bm25KnowledgeMatcher _matcher;

    /// <summary>Builds the matcher over the starting articles, calibrated on <paramref name="calibrationQueries"/>.</summary>
    /// <param name="initial">The articles self-service has from the start.</param>
    /// <param name="calibrationQueries">Labelled questions, including some whose intent has no article, so the
    /// calibration learns what a wrong match looks like; none keeps the default calibration.</param>
    public LearningKnowledgeMatcher(IReadOnlyList<KnowledgeSeed> initial, IReadOnlyList<LabelledQuery> calibrationQueries)
    {
        foreach (var seed in initial)
        {
            Add(seed);
        }

        ArticlesAtStart = _articles.Count;
        _matcher = Bm25KnowledgeMatcher.Build(_articles);
        if (calibrationQueries.Count > 0)
        {
            var samples = ConfidenceCalibration.CollectSamples(_matcher, calibrationQueries);
            if (samples.Any(s => s.Correct) && samples.Any(s => !s.Correct))
            {
                _calibration = ConfidenceCalibration.Fit(samples);
                _matcher = _matcher.WithCalibration(_calibration);
                return;
            }
        }

        _calibration = _matcher.Calibration;
    }

    public int ArticlesAtStart { get; }

    /// <summary>Gets the intents learned from escalations, in the order they were learned.</summary>
    public IReadOnlyList<ContactReason> LearnedIntents
    {
        get
        {
            lock (_gate)
            {
                return [.. _learnedIntents];
            }
        }
    }

    public MatchResult Match(MatchRequest request) => _matcher.Match(request);

    /// <summary>Adds the article <paramref name="seed"/> describes and rebuilds the index.</summary>
    /// <returns>Whether the intent was new.</returns>
    public bool Learn(KnowledgeSeed seed)
    {
        lock (_gate)
        {
            if (!Add(seed))
            {
                return false;
            }

            _learned.Add(_articles[^1].Id);
            _learnedIntents.Add(seed.Intent);
            _matcher = Bm25KnowledgeMatcher.Build(_articles).WithCalibration(_calibration);
            return true;
        }
    }

    /// <summary>Returns whether <paramref name="article"/> was learned from an escalation during the run.</summary>
    public bool IsLearned(ArticleId article)
    {
        lock (_gate)
        {
            return _learned.Contains(article);
        }
    }

    private bool Add(KnowledgeSeed seed)
    {
        if (!_intents.Add(seed.Intent))
        {
            return false;
        }

        _articles.Add(new KnowledgeArticle(new ArticleId(IdFor(_articles.Count + 1)), seed.Title, seed.Answer, seed.Intent)
        {
            QuestionVariants = [.. seed.Questions],
            Status = ArticleStatus.Published,
        });
        return true;
    }

    // Article ids in the UUID version 7 layout with the sequence in the random bits, so a run's ids are repeatable.
    private static Guid IdFor(long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[6] = 0x70;
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], unchecked((long)0x8000_0000_0000_0000UL) | sequence);
        return new Guid(bytes, bigEndian: true);
    }
}
