using CustomerCare.Core;
using CustomerCare.Kvp.Problems;

namespace CustomerCare.Kvp.Ideas;

/// <summary>One piece of evidence for an improvement idea: a concern, a contact reason, a metric snapshot, a customer statement.</summary>
/// <remarks>
/// A customer statement may contain personal data; the idea store keeps it like other customer records, and logs
/// never contain it. This type is immutable and thread-safe.
/// </remarks>
/// <param name="Kind">What the evidence points at.</param>
/// <param name="Reference">The identifier, code or text of the evidence.</param>
public readonly record struct IdeaEvidence(IdeaEvidenceKind Kind, string Reference)
{
    /// <summary>Creates evidence that points at a concern.</summary>
    /// <param name="concern">The concern.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="concern"/> is <c>default</c>.</exception>
    public static IdeaEvidence ForConcern(ConcernId concern) => new(IdeaEvidenceKind.Concern, Guard.NotDefault(concern).ToString());

    /// <summary>Creates evidence that points at a contact reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <c>default</c>.</exception>
    public static IdeaEvidence ForContactReason(ContactReason reason) => new(IdeaEvidenceKind.ContactReason, Guard.NotDefault(reason).Code);

    /// <summary>Creates evidence from a metric snapshot.</summary>
    /// <param name="description">The metric, its value and its instant, such as <c>reopen rate = 12.0 % (12/100) as of 2026-03-01</c>.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null or white space.</exception>
    public static IdeaEvidence ForMetric(string description) => new(IdeaEvidenceKind.MetricSnapshot, Guard.NotNullOrWhiteSpace(description).Trim());

    /// <summary>Creates evidence from a customer statement.</summary>
    /// <param name="statement">The statement as the customer wrote or said it.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="statement"/> is null or white space.</exception>
    public static IdeaEvidence ForStatement(string statement) => new(IdeaEvidenceKind.CustomerStatement, Guard.NotNullOrWhiteSpace(statement).Trim());

    /// <summary>Creates evidence that points at a problem record.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException"><paramref name="problem"/> is <c>default</c>.</exception>
    public static IdeaEvidence ForProblem(ProblemId problem) => new(IdeaEvidenceKind.Problem, Guard.NotDefault(problem).ToString());
}
