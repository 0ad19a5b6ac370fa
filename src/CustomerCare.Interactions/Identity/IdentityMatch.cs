using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;

namespace CustomerCare.Interactions.Identity;

/// <summary>The result of identity resolution: which customer matched, by what, and how sure the match is.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class IdentityMatch
{
    private static readonly IReadOnlyList<CustomerId> NoIds = [];

    internal IdentityMatch(MatchConfidence confidence, Customer? customer, ContactPoint? matchedBy, IReadOnlyList<CustomerId>? candidates, IReadOnlyList<CustomerId>? conflicts)
    {
        Confidence = confidence;
        Customer = customer;
        MatchedBy = matchedBy;
        Candidates = candidates ?? NoIds;
        Conflicts = conflicts ?? NoIds;
    }

    /// <summary>Gets how sure the match is.</summary>
    public MatchConfidence Confidence { get; }

    /// <summary>Gets the matched customer for <see cref="MatchConfidence.Exact"/>, the best candidate for <see cref="MatchConfidence.Probable"/>, or <see langword="null"/> for <see cref="MatchConfidence.New"/>.</summary>
    public Customer? Customer { get; }

    /// <summary>Gets the contact point of the request that matched, or <see langword="null"/>.</summary>
    public ContactPoint? MatchedBy { get; }

    /// <summary>Gets every customer that matched a folded contact point, for a person to review.</summary>
    public IReadOnlyList<CustomerId> Candidates { get; }

    /// <summary>
    /// Gets customers that matched an email, phone, chat handle or web account but were set aside because they carry
    /// another external id in a system where the request has one. They are different records and are never merged automatically.
    /// </summary>
    public IReadOnlyList<CustomerId> Conflicts { get; }

    /// <summary>Gets an explanation without personal data, such as <c>exact match on Email with cus_…</c>.</summary>
    public string Explanation => Confidence switch
    {
        MatchConfidence.Exact when MatchedBy is null => $"the contact was recorded before for {Customer!.Id}",
        MatchConfidence.Exact => $"exact match on {MatchedBy!.Value.Kind} with {Customer!.Id}" + ConflictNote,
        MatchConfidence.Probable => $"probable match on a folded {MatchedBy!.Value.Kind} with {Customer!.Id}" +
            (Candidates.Count > 1 ? $" and {Candidates.Count - 1} more candidates" : string.Empty) + "; a person should confirm" + ConflictNote,
        _ => "no known customer matches" + ConflictNote,
    };

    private string ConflictNote => Conflicts.Count == 0
        ? string.Empty
        : $"; set aside {string.Join(", ", Conflicts)} because they carry a different external id in the same system";
}
