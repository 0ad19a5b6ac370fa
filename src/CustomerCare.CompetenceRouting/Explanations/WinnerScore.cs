using System.Globalization;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>The agent a decision chose and the score that made it win.</summary>
/// <remarks>
/// <see cref="Score"/> depends on <see cref="Mode"/>: seconds idle for <see cref="DistributionMode.LongestIdle"/>
/// (higher wins), thousandths of capacity in use for <see cref="DistributionMode.LeastBusy"/> (lower wins), the sum
/// of proficiencies in the required skills for <see cref="DistributionMode.BestSkillMatch"/> (higher wins), and 0 for
/// <see cref="DistributionMode.RoundRobin"/>, which takes the next agent in turn.
/// </remarks>
/// <param name="Agent">The chosen agent.</param>
/// <param name="Mode">The distribution mode that chose it.</param>
/// <param name="Score">The score in the mode's unit; see the remarks.</param>
/// <param name="IdleFor">How long the agent had waited for new work.</param>
/// <param name="Load">The units the agent held before this concern.</param>
/// <param name="Units">The agent's capacity units.</param>
public readonly record struct WinnerScore(AgentId Agent, DistributionMode Mode, long Score, Duration IdleFor, int Load, int Units)
{
    /// <summary>Describes the score for people.</summary>
    /// <returns>A fragment such as <c>idle for 12m 30s</c> or <c>20% of capacity in use (20 of 100 units)</c>.</returns>
    public override string ToString() => Mode switch
    {
        DistributionMode.LongestIdle => "idle for " + DurationText.Format(IdleFor),
        DistributionMode.LeastBusy => string.Create(CultureInfo.InvariantCulture, $"{Score / 10.0:0.#}% of capacity in use ({Load} of {Units} units), idle for ") + DurationText.Format(IdleFor),
        DistributionMode.BestSkillMatch => string.Create(CultureInfo.InvariantCulture, $"proficiency sum {Score}, idle for ") + DurationText.Format(IdleFor),
        DistributionMode.RoundRobin => "next in turn, idle for " + DurationText.Format(IdleFor),
        _ => Mode.ToString(),
    };
}
