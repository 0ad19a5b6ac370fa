using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The running figures of one contact reason.</summary>
internal sealed class ReasonState(ContactReason reason)
{
    public ContactReason Reason { get; } = reason;

    public long Concerns { get; set; }

    public long Contacts { get; set; }

    public long FirstContactResolved { get; set; }

    public long FirstContactDecided { get; set; }

    public long CsatSatisfied { get; set; }

    public long CsatAnswers { get; set; }

    public Dictionary<LocalDate, long> DailyConcerns { get; } = [];
}
