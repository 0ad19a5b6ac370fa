using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The running figures of one contact reason.</summary>
internal sealed class ReasonState(ContactReason reason, SeriesState product)
{
    public ContactReason Reason { get; } = reason;

    /// <summary>Gets the figures of the reason's product, looked up once so a concern's opening does not allocate the product name.</summary>
    public SeriesState Product { get; } = product;

    public long Concerns { get; set; }

    public long Contacts { get; set; }

    public long FirstContactResolved { get; set; }

    public long FirstContactDecided { get; set; }

    public long CsatSatisfied { get; set; }

    public long CsatAnswers { get; set; }

    public Dictionary<LocalDate, long> DailyConcerns { get; } = [];
}
