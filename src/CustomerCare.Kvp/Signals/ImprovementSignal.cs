using CustomerCare.Kvp.Ideas;
using NodaTime;

namespace CustomerCare.Kvp.Signals;

/// <summary>A finding in the metrics that proposes an improvement idea, with the numbers behind it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Kind">What the signal points at.</param>
/// <param name="Subject">The contact reason code, the knowledge-gap terms or the SLA target name.</param>
/// <param name="Current">The value in the current window: a count, or an attainment from 0 to 1.</param>
/// <param name="Baseline">The value in the baseline: a count per window, or an attainment from 0 to 1; null for knowledge gaps.</param>
/// <param name="PValue">The one-sided p-value of the test, or null for knowledge gaps, which use a count threshold.</param>
/// <param name="Description">The finding in one sentence, with its numbers.</param>
public sealed record ImprovementSignal(SignalKind Kind, string Subject, double Current, double? Baseline, double? PValue, string Description)
{
    /// <summary>Creates a submitted improvement idea from the signal, with the signal as its evidence.</summary>
    /// <param name="id">The new idea's identifier.</param>
    /// <param name="at">When the idea is submitted.</param>
    /// <returns>The idea, submitted by <c>signal</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    public ImprovementIdea ToIdea(IdeaId id, Instant at)
    {
        var title = Kind switch
        {
            SignalKind.ContactReasonVolumeRise => $"Reduce contacts about {Subject}",
            SignalKind.KnowledgeGap => $"Answer self-service queries about \"{Subject}\"",
            _ => $"Restore SLA attainment of {Subject}",
        };
        var idea = ImprovementIdea.Submit(id, title, Description, "signal", at).WithEvidence(new IdeaEvidence(IdeaEvidenceKind.Signal, Description));
        return Kind == SignalKind.ContactReasonVolumeRise && Core.ContactReason.TryParse(Subject, out var reason)
            ? idea.WithEvidence(IdeaEvidence.ForContactReason(reason))
            : idea;
    }

    /// <summary>Returns an idempotency key for submitting the signal's idea once per subject and day.</summary>
    /// <param name="date">The date of the detection.</param>
    /// <returns>A key such as <c>signal:ContactReasonVolumeRise:billing/refund:2026-03-01</c>.</returns>
    public string IdempotencyKey(LocalDate date)
    {
        var key = $"signal:{Kind}:{Subject}:{date:uuuu-MM-dd}";
        return key.Length <= 200 ? key : key[..200];
    }
}
