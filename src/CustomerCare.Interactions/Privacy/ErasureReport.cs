using CustomerCare.Core;

namespace CustomerCare.Interactions.Privacy;

/// <summary>What an erasure changed, and the content the host must delete from its own storage.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ErasureReport
{
    internal ErasureReport(IReadOnlyList<CustomerId> customers, int interactions, int concerns, int merges, IReadOnlyList<string> contentReferences)
    {
        Customers = customers;
        InteractionsAnonymized = interactions;
        ConcernsAnonymized = concerns;
        MergesAnonymized = merges;
        ContentReferences = contentReferences;
    }

    /// <summary>Gets the erased customers: the requested one and every customer that was merged into it.</summary>
    public IReadOnlyList<CustomerId> Customers { get; }

    /// <summary>Gets how many interactions were anonymized.</summary>
    public int InteractionsAnonymized { get; }

    /// <summary>Gets how many concerns were anonymized.</summary>
    public int ConcernsAnonymized { get; }

    /// <summary>Gets how many merge records were anonymized.</summary>
    public int MergesAnonymized { get; }

    /// <summary>
    /// Gets the content and attachment references that the interactions pointed to. CustomerCare never held that
    /// content; the host deletes it from its own storage to complete the erasure.
    /// </summary>
    public IReadOnlyList<string> ContentReferences { get; }
}
