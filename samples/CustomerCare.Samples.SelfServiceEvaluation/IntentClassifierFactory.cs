using CustomerCare.SelfService;
using CustomerCare.SelfService.MachineLearning;

namespace CustomerCare.Samples.SelfServiceEvaluation;

/// <summary>Trains the ML.NET intent classifier, with one article per intent as the BM25 factory builds them.</summary>
internal sealed class IntentClassifierFactory(IntentClassifierOptions options) : IMatcherFactory
{
    public string Name => "ML.NET intent classifier (CustomerCare.SelfService.MachineLearning)";

    public IKnowledgeMatcher Create(IReadOnlyList<LabelledQuery> training, ConfidenceCalibration calibration) =>
        IntentClassifierMatcher.Train(training, options)
            .WithArticles(Bm25MatcherFactory.ArticlesFrom(training))
            .WithCalibration(calibration);
}
