using System.Globalization;
using CustomerCare.CompetenceRouting.Explanations;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>The result of checking one agent against an <see cref="AgentRequirement"/>.</summary>
/// <remarks>
/// <see cref="Actual"/> and <see cref="Required"/> carry the numbers behind the reason: the proficiency and the
/// minimum for <see cref="ExclusionReason.SkillBelowMinimum"/>, and the free units and the cost for
/// <see cref="ExclusionReason.NoCapacity"/>. They are 0 for the other reasons.
/// </remarks>
/// <param name="Reason">The first reason that excludes the agent, or <see cref="ExclusionReason.None"/>.</param>
/// <param name="Skill">The skill behind a skill reason, or <c>default</c>.</param>
/// <param name="Actual">The agent's value behind the reason: proficiency or free units.</param>
/// <param name="Required">The value the requirement sets: minimum proficiency or cost.</param>
public readonly record struct AgentCheck(ExclusionReason Reason, Skill Skill = default, int Actual = 0, int Required = 0)
{
    /// <summary>Gets the result for an agent that can take the concern.</summary>
    public static AgentCheck Eligible => default;

    /// <summary>Gets a value indicating whether the agent can take the concern.</summary>
    public bool IsEligible => Reason == ExclusionReason.None;

    /// <summary>Describes the result in a sentence fragment for people.</summary>
    /// <param name="requirement">The requirement the agent was checked against, for the level, channel and language.</param>
    /// <returns>A fragment such as <c>skill 'billing' proficiency 2 is below the minimum 3</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requirement"/> is null.</exception>
    public string Describe(AgentRequirement requirement)
    {
        Guard.NotNull(requirement);
        return Reason switch
        {
            ExclusionReason.None => "eligible",
            ExclusionReason.NotPreferredAgent => "not the preferred agent " + requirement.PreferredAgent,
            ExclusionReason.WrongLevel => $"does not work at level {requirement.Level}",
            ExclusionReason.Offline => "offline",
            ExclusionReason.Away => "away",
            ExclusionReason.Busy => "busy",
            ExclusionReason.SkillMissing => $"lacks skill '{Skill}'",
            ExclusionReason.SkillBelowMinimum => string.Create(CultureInfo.InvariantCulture, $"skill '{Skill}' proficiency {Actual} is below the minimum {Required}"),
            ExclusionReason.WrongLanguage => $"does not serve language '{requirement.Language}'",
            ExclusionReason.ChannelNotServed => $"does not serve channel '{requirement.Channel}'",
            ExclusionReason.NoCapacity when Actual <= 0 => string.Create(CultureInfo.InvariantCulture, $"no capacity: {Actual} units free"),
            ExclusionReason.NoCapacity => string.Create(CultureInfo.InvariantCulture, $"no capacity on channel '{requirement.Channel}': {Actual} units free, a concern costs {Required}"),
            ExclusionReason.RejectedOffer => "rejected an offer of this concern before",
            _ => Reason.ToString(),
        };
    }
}
