using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// The agent requirement of one ladder step for one classification, compiled once: the effective skills with their
/// minimums, and the same skills as index numbers for the selection path.
/// </summary>
internal sealed class StepRequirement
{
    private StepRequirement(CompetenceLevel level, ValueList<SkillRequirement> sourceSkills, ValueList<SkillRequirement> skills, int[] skillIds, byte[] minimums)
    {
        Level = level;
        SourceSkills = sourceSkills;
        Skills = skills;
        SkillIds = skillIds;
        Minimums = minimums;
        Template = new AgentRequirement { Level = level, Channel = Channel.Phone, Skills = skills };
    }

    /// <summary>Gets the step's level, with the policy's name for it.</summary>
    public CompetenceLevel Level { get; }

    /// <summary>Gets the classification's skills this requirement was compiled from, to detect a stale cache entry.</summary>
    public ValueList<SkillRequirement> SourceSkills { get; }

    /// <summary>Gets the effective skills: the classification's, with the step's minimum, plus the step's own.</summary>
    public ValueList<SkillRequirement> Skills { get; }

    /// <summary>Gets the public requirement with the level and skills set, for copies that add the concern's channel and language.</summary>
    public AgentRequirement Template { get; }

    public int[] SkillIds { get; }

    public byte[] Minimums { get; }

    public static StepRequirement Compile(RoutingPolicy policy, IReadOnlyList<SkillRequirement> classificationSkills, LadderStep step, AgentIndex index)
    {
        var skills = new List<SkillRequirement>();
        foreach (var required in classificationSkills)
        {
            skills.Add(new SkillRequirement(required.Skill, step.MinimumProficiency ?? required.MinimumProficiency));
        }

        foreach (var own in step.Skills)
        {
            var existing = skills.FindIndex(s => s.Skill == own.Skill);
            if (existing >= 0)
            {
                skills[existing] = own;
            }
            else
            {
                skills.Add(own);
            }
        }

        var skillIds = new int[skills.Count];
        var minimums = new byte[skills.Count];
        for (var i = 0; i < skills.Count; i++)
        {
            skillIds[i] = index.SkillId(skills[i].Skill);
            minimums[i] = (byte)skills[i].MinimumProficiency;
        }

        return new StepRequirement(
            policy.FindLevel(step.Level.Rank) ?? step.Level,
            ValueList<SkillRequirement>.From(classificationSkills),
            ValueList<SkillRequirement>.Wrap([.. skills]),
            skillIds,
            minimums);
    }
}
