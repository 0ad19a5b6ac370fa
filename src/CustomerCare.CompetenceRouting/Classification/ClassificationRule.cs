using System.Text;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Classification;

/// <summary>
/// One classification rule: when a concern meets <see cref="When"/>, it enters <see cref="Ladder"/> at
/// <see cref="EntryLevel"/>, needs <see cref="Skills"/> and takes <see cref="Priority"/>.
/// </summary>
/// <remarks>
/// <para>
/// A routing policy tests its rules in order and the first match wins; its default rule catches every concern that no
/// rule matches. The concern starts at the first step of the ladder whose level is at least the entry level, so one
/// ladder serves simple concerns from level 1 and complex ones from level 2.
/// </para>
/// <para>
/// The rule is checked as part of the policy: <see cref="RoutingPolicy.Validate"/> reports every problem at once.
/// This type is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record ClassificationRule
{
    private readonly string _name = string.Empty;
    private readonly ConcernCondition _when = ConcernCondition.Any;
    private readonly string _ladder = string.Empty;
    private readonly ValueList<SkillRequirement> _skills = ValueList<SkillRequirement>.Empty;

    /// <summary>Gets the rule's name, unique in the policy, such as <c>billing-complex</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Name
    {
        get => _name;
        init => _name = Guard.NotNull(value);
    }

    /// <summary>Gets the condition a concern must meet; <see cref="ConcernCondition.Any"/> by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ConcernCondition When
    {
        get => _when;
        init => _when = Guard.NotNull(value);
    }

    /// <summary>Gets the competence level at which the concern enters its ladder.</summary>
    public required CompetenceLevel EntryLevel { get; init; }

    /// <summary>Gets the skills the concern needs, with their minimum proficiency; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<SkillRequirement> Skills
    {
        get => _skills;
        init => _skills = ValueList<SkillRequirement>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the name of the escalation ladder the concern follows.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Ladder
    {
        get => _ladder;
        init => _ladder = Guard.NotNull(value);
    }

    /// <summary>Gets the priority the concern takes, or <see langword="null"/> to keep the concern's own (the default).</summary>
    public Priority? Priority { get; init; }

    /// <summary>Describes the rule for people.</summary>
    /// <returns>A line such as <c>billing-complex: reason within billing and complexity ≥ 3 → level 2, ladder billing, skills billing ≥ 3, P2</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(_name).Append(": ").Append(_when).Append(" → level ").Append(EntryLevel.Rank).Append(", ladder ").Append(_ladder);
        if (_skills.Count > 0)
        {
            text.Append(", skills ").AppendJoin(", ", _skills);
        }

        if (Priority is { } priority)
        {
            text.Append(", ").Append(priority);
        }

        return text.ToString();
    }
}
