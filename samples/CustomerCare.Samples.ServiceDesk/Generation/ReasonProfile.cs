using CustomerCare.Core;

namespace CustomerCare.Samples.ServiceDesk.Generation;

/// <summary>One contact reason of the generated mix: how often it comes, how hard it is, and how customers put it.</summary>
/// <param name="Reason">The contact reason.</param>
/// <param name="Product">The product it concerns.</param>
/// <param name="Weight">The relative frequency among all reasons.</param>
/// <param name="Complexity">The competence level (1 to 3) that resolves it in most cases.</param>
/// <param name="Skill">The agent skill it needs, or null when any agent of the level can take it.</param>
/// <param name="Phrasings">How customers put it, by language code; the generator picks one at random.</param>
internal sealed record ReasonProfile(
    ContactReason Reason,
    string Product,
    int Weight,
    int Complexity,
    string? Skill,
    IReadOnlyDictionary<string, string[]> Phrasings)
{
    /// <summary>Gets whether self-service knows the answer from the start of the run.</summary>
    public bool InKnowledgeBase { get; init; }

    /// <summary>Gets the knowledge article's answer, used when it is in the knowledge base or once an escalation
    /// teaches it.</summary>
    public string Answer { get; init; } = "";

    /// <summary>Gets the share of contacts (0 to 1) that need one level more than <see cref="Complexity"/>.</summary>
    public double HarderShare { get; init; } = 0.1;

    /// <summary>Gets the share of contacts (0 to 1) whose customer comes back on another channel about the same
    /// topic.</summary>
    public double ReturnShare { get; init; } = 0.08;
}
