using System.Globalization;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>A skill that a concern needs, with the minimum proficiency an agent must have in it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SkillRequirement
{
    /// <summary>Initializes a new requirement.</summary>
    /// <param name="skill">The skill.</param>
    /// <param name="minimumProficiency">The minimum proficiency, 1 (any proficiency) to 5.</param>
    /// <exception cref="ArgumentException"><paramref name="skill"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumProficiency"/> is outside 1 to 5.</exception>
    public SkillRequirement(Skill skill, int minimumProficiency = SkillProficiency.MinLevel)
    {
        Skill = Guard.NotDefault(skill);
        MinimumProficiency = Guard.InRange(minimumProficiency, SkillProficiency.MinLevel, SkillProficiency.MaxLevel);
    }

    /// <summary>Gets the skill.</summary>
    public Skill Skill { get; }

    /// <summary>Gets the minimum proficiency, 1 to 5.</summary>
    public int MinimumProficiency { get; }

    /// <summary>Returns the requirement, such as <c>billing ≥ 3</c>.</summary>
    /// <returns>The skill name and the minimum proficiency.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Skill} ≥ {MinimumProficiency}");
}
