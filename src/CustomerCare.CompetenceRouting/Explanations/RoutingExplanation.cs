using System.Globalization;
using System.Text;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>
/// Why a routing decision came out as it did: the classification rule and ladder step that applied, the agents
/// considered, each excluded agent with its reason, and the winner with its score.
/// </summary>
/// <remarks>
/// <para>
/// The explanation is structured for logs and user interfaces, and <see cref="ToString"/> renders it for people.
/// Every agent in the pool is counted under exactly one entry of <see cref="ExclusionCounts"/>, or among
/// <see cref="EligibleAgents"/>. How many agents are listed one by one in <see cref="Exclusions"/> depends on the
/// <see cref="Detail"/> and the listing limit; <see cref="UnlistedExclusions"/> is the number left out.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class RoutingExplanation
{
    internal RoutingExplanation(
        ConcernId concernId,
        Instant at,
        ConcernClassification classification,
        EscalationLadder ladder,
        int stepIndex,
        AgentRequirement requirement,
        Priority queuePriority,
        Priority effectivePriority,
        DistributionMode distribution,
        IReadOnlyList<StepChange> stepChanges,
        int totalAgents,
        int examinedAgents,
        int eligibleAgents,
        IReadOnlyList<ExclusionCount> exclusionCounts,
        IReadOnlyList<AgentExclusion> exclusions,
        int unlistedExclusions,
        WinnerScore? winner,
        bool isExhausted,
        ExplanationDetail detail)
    {
        ConcernId = concernId;
        At = at;
        Classification = classification;
        Ladder = ladder.Name;
        StepIndex = stepIndex;
        StepCount = ladder.Steps.Count;
        Step = ladder.Steps[stepIndex];
        Requirement = requirement;
        QueuePriority = queuePriority;
        EffectivePriority = effectivePriority;
        Distribution = distribution;
        StepChanges = stepChanges;
        TotalAgents = totalAgents;
        ExaminedAgents = examinedAgents;
        EligibleAgents = eligibleAgents;
        ExclusionCounts = exclusionCounts;
        Exclusions = exclusions;
        UnlistedExclusions = unlistedExclusions;
        Winner = winner;
        IsExhausted = isExhausted;
        Detail = detail;
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId ConcernId { get; }

    /// <summary>Gets the instant of the decision.</summary>
    public Instant At { get; }

    /// <summary>Gets the classification: the rule that matched and what it chose.</summary>
    public ConcernClassification Classification { get; }

    /// <summary>Gets the name of the ladder the concern is on.</summary>
    public string Ladder { get; }

    /// <summary>Gets the step that applied, starting at 0.</summary>
    public int StepIndex { get; }

    /// <summary>Gets the number of steps in the ladder.</summary>
    public int StepCount { get; }

    /// <summary>Gets the step that applied.</summary>
    public LadderStep Step { get; }

    /// <summary>Gets what agents had to meet at that step.</summary>
    public AgentRequirement Requirement { get; }

    /// <summary>Gets the concern's priority on the step, before aging.</summary>
    public Priority QueuePriority { get; }

    /// <summary>Gets the priority after aging, which ordered the queue.</summary>
    public Priority EffectivePriority { get; }

    /// <summary>Gets the distribution mode that chose among eligible agents.</summary>
    public DistributionMode Distribution { get; }

    /// <summary>Gets the step changes made while deciding, such as a timed-out or skipped step; empty when none.</summary>
    public IReadOnlyList<StepChange> StepChanges { get; }

    /// <summary>Gets the number of agents in the pool.</summary>
    public int TotalAgents { get; }

    /// <summary>Gets the number of agents checked one by one; the others were filtered out by the index.</summary>
    public int ExaminedAgents { get; }

    /// <summary>Gets the number of agents who could take the concern.</summary>
    public int EligibleAgents { get; }

    /// <summary>Gets the number of excluded agents per reason, in check order, without reasons that excluded no one.</summary>
    public IReadOnlyList<ExclusionCount> ExclusionCounts { get; }

    /// <summary>Gets the excluded agents listed one by one; see <see cref="Detail"/>.</summary>
    public IReadOnlyList<AgentExclusion> Exclusions { get; }

    /// <summary>Gets the number of excluded agents counted but not listed.</summary>
    public int UnlistedExclusions { get; }

    /// <summary>Gets the chosen agent and its score, or <see langword="null"/> when the concern keeps waiting.</summary>
    public WinnerScore? Winner { get; }

    /// <summary>Gets the outcome.</summary>
    public RoutingOutcome Outcome => Winner is null ? RoutingOutcome.Waiting : RoutingOutcome.AgentSelected;

    /// <summary>Gets a value indicating whether the concern ran off the end of its ladder, now or before.</summary>
    public bool IsExhausted { get; }

    /// <summary>Gets how much the explanation lists agent by agent.</summary>
    public ExplanationDetail Detail { get; }

    /// <summary>Returns the number of agents excluded for <paramref name="reason"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count, 0 when the reason excluded no one.</returns>
    public int CountOf(ExclusionReason reason)
    {
        foreach (var count in ExclusionCounts)
        {
            if (count.Reason == reason)
            {
                return count.Count;
            }
        }

        return 0;
    }

    /// <summary>Renders the explanation for people, over several lines.</summary>
    /// <returns>The decision, the classification, the step, the agents and the winner.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Concern ").Append(ConcernId).Append(": ");
        text.Append(Winner is { } chosen ? $"offer to {chosen.Agent}" : "waits, no agent can take it now");
        if (IsExhausted)
        {
            text.Append(" (ladder exhausted: the procedure must decide)");
        }

        text.AppendLine().Append("Classification: ").Append(Classification);
        foreach (var change in StepChanges)
        {
            text.AppendLine().Append("Step change: ").Append(change);
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"Step: {Ladder} step {StepIndex + 1} of {StepCount}, ").Append(Step);
        text.AppendLine().Append("Agents must meet: ").Append(Requirement);
        text.AppendLine().Append("Priority: ").Append(EffectivePriority);
        if (EffectivePriority != QueuePriority)
        {
            text.Append(" (").Append(QueuePriority).Append(" raised by waiting time)");
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"Agents: {TotalAgents:N0} in the pool, {ExaminedAgents:N0} examined one by one, {EligibleAgents:N0} eligible; distribution {Distribution}.");
        if (ExclusionCounts.Count > 0)
        {
            text.AppendLine().Append("Excluded: ").AppendJoin("; ", ExclusionCounts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Reason} {c.Count:N0}")));
        }

        foreach (var exclusion in Exclusions)
        {
            text.AppendLine().Append("  ").Append(exclusion.Agent).Append(": ").Append(exclusion.Check.Describe(Requirement));
        }

        if (UnlistedExclusions > 0)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  … and {UnlistedExclusions:N0} more excluded agents not listed");
        }

        if (Winner is { } winner)
        {
            text.AppendLine().Append("Winner: ").Append(winner.Agent).Append(" by ").Append(winner.Mode).Append(", ").Append(winner);
        }

        return text.ToString();
    }
}
