namespace CustomerCare.Kvp.Ideas;

/// <summary>What a piece of evidence for an improvement idea points at.</summary>
public enum IdeaEvidenceKind
{
    /// <summary>A concern, by its identifier.</summary>
    Concern = 1,

    /// <summary>A contact reason, by its code.</summary>
    ContactReason = 2,

    /// <summary>A metric snapshot, such as <c>first-contact-resolution = 61.0 % (61/100) as of 2026-03-01</c>.</summary>
    MetricSnapshot = 3,

    /// <summary>A customer statement, quoted as the customer wrote or said it.</summary>
    CustomerStatement = 4,

    /// <summary>A problem record, by its identifier.</summary>
    Problem = 5,

    /// <summary>An improvement signal that proposed the idea, by its description.</summary>
    Signal = 6,
}
