using System.Globalization;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>A skill that an agent holds and how well: proficiency 1 (basic) to 5 (expert).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SkillProficiency
{
    /// <summary>The lowest proficiency.</summary>
    public const int MinLevel = 1;

    /// <summary>The highest proficiency.</summary>
    public const int MaxLevel = 5;

    /// <summary>Initializes a new skill proficiency.</summary>
    /// <param name="skill">The skill.</param>
    /// <param name="level">The proficiency, <see cref="MinLevel"/> to <see cref="MaxLevel"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="skill"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 1 to 5.</exception>
    public SkillProficiency(Skill skill, int level)
    {
        Skill = Guard.NotDefault(skill);
        Level = Guard.InRange(level, MinLevel, MaxLevel);
    }

    /// <summary>Gets the skill.</summary>
    public Skill Skill { get; }

    /// <summary>Gets the proficiency, 1 (basic) to 5 (expert).</summary>
    public int Level { get; }

    /// <summary>Returns the skill and the proficiency, such as <c>billing 4</c>.</summary>
    /// <returns>The skill name, a space and the proficiency.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Skill} {Level}");
}
