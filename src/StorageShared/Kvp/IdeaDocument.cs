using CustomerCare.Kvp.Effects;
using CustomerCare.Kvp.Ideas;
using NodaTime;

namespace CustomerCare.Storage.Kvp;

/// <summary>
/// The stored form of an improvement idea beside its key columns (identifier, version, state, submission instant):
/// texts, evidence, lifecycle steps, target and measured effect.
/// </summary>
/// <remarks>
/// The storage adapters write it as JSON. Instants in it are whole microseconds, like the key columns, so an idea
/// reads back equal on every store.
/// </remarks>
internal sealed class IdeaDocument
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Submitter { get; init; }

    public required EvidenceDocument[] Evidence { get; init; }

    /// <summary>Gets the lifecycle steps in order; reading an idea fires them again to rebuild its state.</summary>
    public required FeedbackDocument[] Feedback { get; init; }

    public string? TargetReason { get; init; }

    public ImprovementMetric? TargetMetric { get; init; }

    public EffectDocument? Effect { get; init; }
}

/// <summary>One piece of evidence of a stored idea.</summary>
internal sealed record EvidenceDocument(IdeaEvidenceKind Kind, string Reference);

/// <summary>One lifecycle step of a stored idea.</summary>
internal sealed record FeedbackDocument(Instant At, IdeaState From, IdeaState To, IdeaTrigger Trigger, string Message);

/// <summary>The measured effect of a stored idea; an interval without a start or an end has null there.</summary>
internal sealed record EffectDocument(
    ImprovementMetric Metric,
    Instant? BeforeStart,
    Instant? BeforeEnd,
    Instant? AfterStart,
    Instant? AfterEnd,
    double? BeforeValue,
    double? AfterValue,
    long BeforeCount,
    long AfterCount,
    double? Change,
    double? Lower,
    double? Upper,
    string Method);
