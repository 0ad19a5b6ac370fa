using CustomerCare.SelfService;

namespace CustomerCare.Samples.SelfServiceEvaluation;

/// <summary>Builds one kind of matcher from labelled training queries.</summary>
internal interface IMatcherFactory
{
    string Name { get; }

    IKnowledgeMatcher Create(IReadOnlyList<LabelledQuery> training, ConfidenceCalibration calibration);
}
