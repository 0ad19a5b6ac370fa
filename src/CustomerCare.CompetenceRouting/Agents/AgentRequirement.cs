using System.Text;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>
/// What an agent must meet to take a concern at a ladder step: level, skills, language, channel and capacity, or
/// being the concern's preferred agent.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Evaluate(Agent)"/> is the reference check that every agent directory runs again when it claims
/// capacity, so presence and capacity are current at the moment of the claim. The routing engine checks the same
/// rules through its index.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record AgentRequirement
{
    private readonly Channel _channel;
    private readonly ValueList<SkillRequirement> _skills = ValueList<SkillRequirement>.Empty;
    private readonly ValueList<AgentId> _excluded = ValueList<AgentId>.Empty;

    /// <summary>Gets the competence level the agent must work at.</summary>
    public required CompetenceLevel Level { get; init; }

    /// <summary>Gets the concern's channel, which the agent must serve with enough free capacity.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required Channel Channel
    {
        get => _channel;
        init => _channel = Guard.NotDefault(value);
    }

    /// <summary>Gets the skills the agent must have, at least at the minimum proficiency; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">A skill is listed twice.</exception>
    public IReadOnlyList<SkillRequirement> Skills
    {
        get => _skills;
        init
        {
            var skills = Guard.NotNull(value).ToArray();
            if (skills.DistinctBy(s => s.Skill).Count() != skills.Length)
            {
                throw new ArgumentException("A skill is listed twice in the requirement. Give each skill one minimum.", nameof(value));
            }

            _skills = ValueList<SkillRequirement>.Wrap(skills);
        }
    }

    /// <summary>Gets the language the agent must serve, or <see langword="null"/> for any language (the default).</summary>
    public Language? Language { get; init; }

    /// <summary>Gets the only agent who may take the concern, or <see langword="null"/> for any agent (the default).</summary>
    public AgentId? PreferredAgent { get; init; }

    /// <summary>Gets the agents who rejected an offer of the concern within the rejection cooldown; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<AgentId> ExcludedAgents
    {
        get => _excluded;
        init => _excluded = ValueList<AgentId>.From(Guard.NotNull(value));
    }

    /// <summary>Checks one agent, in the order of <see cref="ExclusionReason"/>.</summary>
    /// <param name="agent">The agent as stored now.</param>
    /// <returns>The first reason that excludes the agent, or <see cref="AgentCheck.Eligible"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    public AgentCheck Evaluate(Agent agent)
    {
        Guard.NotNull(agent);

        if (PreferredAgent is { } preferred && agent.Id != preferred)
        {
            return new(ExclusionReason.NotPreferredAgent);
        }

        if (!agent.WorksAt(Level))
        {
            return new(ExclusionReason.WrongLevel);
        }

        switch (agent.Presence)
        {
            case Presence.Offline:
                return new(ExclusionReason.Offline);
            case Presence.Away:
                return new(ExclusionReason.Away);
            case Presence.Busy:
                return new(ExclusionReason.Busy);
        }

        var cost = agent.Capacity.CostOf(_channel);
        if (agent.FreeUnits <= 0)
        {
            return new(ExclusionReason.NoCapacity, default, agent.FreeUnits, cost);
        }

        var skills = _skills.AsSpan();
        foreach (var required in skills)
        {
            if (agent.ProficiencyIn(required.Skill) == 0)
            {
                return new(ExclusionReason.SkillMissing, required.Skill);
            }
        }

        foreach (var required in skills)
        {
            var proficiency = agent.ProficiencyIn(required.Skill);
            if (proficiency < required.MinimumProficiency)
            {
                return new(ExclusionReason.SkillBelowMinimum, required.Skill, proficiency, required.MinimumProficiency);
            }
        }

        if (Language is { } language && !agent.Serves(language))
        {
            return new(ExclusionReason.WrongLanguage);
        }

        if (cost == 0)
        {
            return new(ExclusionReason.ChannelNotServed);
        }

        if (agent.FreeUnits < cost)
        {
            return new(ExclusionReason.NoCapacity, default, agent.FreeUnits, cost);
        }

        foreach (var excluded in _excluded.AsSpan())
        {
            if (excluded == agent.Id)
            {
                return new(ExclusionReason.RejectedOffer);
            }
        }

        return AgentCheck.Eligible;
    }

    /// <summary>Describes the requirement for people.</summary>
    /// <returns>A fragment such as <c>level 2 (Specialists), skills billing ≥ 3, language de, channel phone</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (PreferredAgent is { } preferred)
        {
            text.Append("preferred agent ").Append(preferred).Append(", ");
        }

        text.Append("level ").Append(Level);
        if (_skills.Count > 0)
        {
            text.Append(", skills ").AppendJoin(", ", _skills);
        }

        if (Language is { } language)
        {
            text.Append(", language ").Append(language);
        }

        text.Append(", channel ").Append(_channel);
        return text.ToString();
    }
}
