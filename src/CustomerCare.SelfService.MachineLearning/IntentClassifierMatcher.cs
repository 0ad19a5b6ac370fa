using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using CustomerCare.Core;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CustomerCare.SelfService.MachineLearning;

/// <summary>
/// An <see cref="IKnowledgeMatcher"/> that classifies the customer's text into an intent with a model trained on
/// labelled queries (ML.NET: text features and a maximum-entropy classifier), and maps each intent to its article.
/// </summary>
/// <remarks>
/// <para>
/// Candidates are intents ranked by class probability, with the published article of each intent when
/// <see cref="WithArticles"/> supplied one (else <see cref="MatchCandidate.Article"/> is null). The signals are the lead
/// p₁ − p₂ of the best class and its probability p₁; <see cref="Calibration"/> turns them into the confidence.
/// </para>
/// <para>
/// ML.NET prediction engines are not thread-safe, so the matcher keeps a pool of them and each call rents one. The
/// matcher itself is immutable and thread-safe. <see cref="MatchRequest.Language"/> is ignored: train one model per
/// language.
/// </para>
/// </remarks>
public sealed class IntentClassifierMatcher : IKnowledgeMatcher
{
    private const string ScoreColumn = "Score";

    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ContactReason[] _intents;
    private readonly FrozenDictionary<ContactReason, ArticleId> _articles;
    private readonly ConcurrentBag<PredictionEngine<QueryRow, IntentScores>> _engines;

    private IntentClassifierMatcher(
        MLContext context,
        ITransformer model,
        DataViewSchema inputSchema,
        ContactReason[] intents,
        FrozenDictionary<ContactReason, ArticleId> articles,
        ConfidenceCalibration calibration,
        ConcurrentBag<PredictionEngine<QueryRow, IntentScores>> engines)
    {
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _intents = intents;
        _articles = articles;
        Calibration = calibration;
        _engines = engines;
    }

    /// <summary>Gets the intents that the model knows, in the order of its classes.</summary>
    public IReadOnlyList<ContactReason> Intents => _intents;

    /// <summary>Gets the calibration in use, which <see cref="WithCalibration"/> replaces.</summary>
    public ConfidenceCalibration Calibration { get; }

    /// <summary>Trains a classifier on labelled queries.</summary>
    /// <param name="queries">The training data; at least two intents, ideally 30 or more queries each.</param>
    /// <param name="options">The settings; <see cref="IntentClassifierOptions.Default"/> when null.</param>
    /// <returns>The trained matcher, without articles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="queries"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="queries"/> holds fewer than two intents, or a query is <c>default</c>.</exception>
    /// <exception cref="CustomerCareValidationException"><paramref name="options"/> has a setting out of range.</exception>
    public static IntentClassifierMatcher Train(IEnumerable<LabelledQuery> queries, IntentClassifierOptions? options = null)
    {
        Guard.NotNull(queries);
        options ??= IntentClassifierOptions.Default;
        options.Validate();

        var rows = new List<QueryRow>();
        foreach (var query in queries)
        {
            if (query.Text is null)
            {
                throw new ArgumentException($"Query {rows.Count} is default. Create each with new LabelledQuery(text, intent).", nameof(queries));
            }

            rows.Add(new QueryRow { Text = query.Text, Label = query.Intent.Code });
        }

        var intentCount = rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count();
        if (intentCount < 2)
        {
            throw new ArgumentException($"Training needs queries of at least two intents, but got {intentCount}. Label more history.", nameof(queries));
        }

        var context = new MLContext(options.Seed);
        var data = context.Data.LoadFromEnumerable(rows);
        var pipeline = context.Transforms.Conversion.MapValueToKey("LabelKey", nameof(QueryRow.Label))
            .Append(context.Transforms.Text.FeaturizeText("Features", FeatureOptions(options), nameof(QueryRow.Text)))
            .Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "LabelKey",
                    FeatureColumnName = "Features",
                    MaximumNumberOfIterations = options.MaximumIterations,
                }));
        var model = pipeline.Fit(data);
        return Create(context, model, data.Schema, options.Calibration, FrozenDictionary<ContactReason, ArticleId>.Empty);
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="calibration">The calibration to use; <see cref="IntentClassifierOptions.DefaultCalibration"/> when null.</param>
    /// <returns>The matcher, without articles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The stream holds no model of this kind.</exception>
    public static IntentClassifierMatcher Load(Stream stream, ConfidenceCalibration? calibration = null)
    {
        Guard.NotNull(stream);

        var context = new MLContext();
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = context.Model.Load(stream, out schema);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException("The stream holds no ML.NET model. Pass a stream written by IntentClassifierMatcher.Save.", exception);
        }

        return Create(context, model, schema, calibration ?? IntentClassifierOptions.DefaultCalibration, FrozenDictionary<ContactReason, ArticleId>.Empty);
    }

    /// <summary>Writes the trained model, so it can be loaded with <see cref="Load"/> without training again.</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <remarks>The calibration and the article map are not part of the model; keep them with it.</remarks>
    public void Save(Stream stream)
    {
        Guard.NotNull(stream);
        _context.Model.Save(_model, _inputSchema, stream);
    }

    /// <summary>Returns a matcher with the same model that maps each intent to a published article.</summary>
    /// <param name="articles">The articles; per intent the first published one is used, drafts and retired ones are ignored.</param>
    /// <returns>The new matcher; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="articles"/> is null or contains null.</exception>
    public IntentClassifierMatcher WithArticles(IEnumerable<KnowledgeArticle> articles)
    {
        Guard.NoNullElements(articles);

        var map = new Dictionary<ContactReason, ArticleId>();
        foreach (var article in articles.Where(a => a.Status == ArticleStatus.Published))
        {
            map.TryAdd(article.Intent, article.Id);
        }

        return new(_context, _model, _inputSchema, _intents, map.ToFrozenDictionary(), Calibration, _engines);
    }

    /// <summary>Returns a matcher with the same model that computes confidence with <paramref name="calibration"/>.</summary>
    /// <param name="calibration">The calibration, usually from <see cref="ConfidenceCalibration.Fit"/>.</param>
    /// <returns>The new matcher; this one is unchanged.</returns>
    public IntentClassifierMatcher WithCalibration(ConfidenceCalibration calibration) =>
        new(_context, _model, _inputSchema, _intents, _articles, calibration, _engines);

    /// <inheritdoc/>
    public MatchResult Match(MatchRequest request)
    {
        var text = request.Text ?? throw new ArgumentException("The match request is default and has no text. Create it with new MatchRequest(text).", nameof(request));

        float[] scores;
        if (!_engines.TryTake(out var engine))
        {
            engine = _context.Model.CreatePredictionEngine<QueryRow, IntentScores>(_model, _inputSchema);
        }

        try
        {
            scores = engine.Predict(new QueryRow { Text = text }).Score;
        }
        finally
        {
            _engines.Add(engine);
        }

        return ToResult(scores, request.MaxCandidates);
    }

    private MatchResult ToResult(float[] scores, int maxCandidates)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(Math.Max(2, maxCandidates)).ToArray();
        if (order.Length == 0 || !(scores[order[0]] > 0))
        {
            return MatchResult.None;
        }

        var candidates = order.Take(maxCandidates)
            .Select(i => new MatchCandidate(_articles.TryGetValue(_intents[i], out var article) ? article : null, _intents[i], scores[i]))
            .ToImmutableArray();
        var best = scores[order[0]];
        var second = order.Length > 1 ? scores[order[1]] : 0;
        var signals = new MatchSignals(Math.Clamp(best - second, 0, 1), Math.Clamp(best, 0, 1));
        return new MatchResult(candidates, Calibration.Apply(signals), signals);
    }

    private static IntentClassifierMatcher Create(
        MLContext context, ITransformer model, DataViewSchema inputSchema, ConfidenceCalibration calibration, FrozenDictionary<ContactReason, ArticleId> articles)
    {
        var outputSchema = model.GetOutputSchema(inputSchema);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        outputSchema[ScoreColumn].GetSlotNames(ref slotNames);
        var intents = slotNames.DenseValues().Select(name => ContactReason.Parse(name.Span)).ToArray();
        return new IntentClassifierMatcher(context, model, inputSchema, intents, articles, calibration, []);
    }

    private static TextFeaturizingEstimator.Options FeatureOptions(IntentClassifierOptions options) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.WordNGramLength, UseAllLengths = true },
        CharFeatureExtractor = options.CharacterNGramLength == 0
            ? null
            : new WordBagEstimator.Options { NgramLength = options.CharacterNGramLength, UseAllLengths = false },
    };
}
