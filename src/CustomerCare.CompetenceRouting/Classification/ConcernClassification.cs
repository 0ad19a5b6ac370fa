using System.Globalization;
using System.Text;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Classification;

/// <summary>
/// The result of classifying a concern: the rule that matched, the entry level, the skills, the ladder and the
/// priority.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ConcernClassification
{
    private readonly string _rule = string.Empty;
    private readonly string _ladder = string.Empty;
    private readonly string _matchedCondition = string.Empty;
    private readonly ValueList<SkillRequirement> _skills = ValueList<SkillRequirement>.Empty;
    private readonly Priority _priority = Priority.P3;

    /// <summary>Gets the name of the rule that matched.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Rule
    {
        get => _rule;
        init => _rule = Guard.NotNull(value);
    }

    /// <summary>Gets the rule's position in the policy, starting at 0, or -1 for the default rule.</summary>
    public int RuleIndex { get; init; }

    /// <summary>Gets a value indicating whether no rule matched and the default rule applied.</summary>
    public bool IsDefaultRule => RuleIndex < 0;

    /// <summary>Gets the rule's condition as text, such as <c>reason within billing and complexity ≥ 3</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string MatchedCondition
    {
        get => _matchedCondition;
        init => _matchedCondition = Guard.NotNull(value);
    }

    /// <summary>Gets the competence level at which the concern enters its ladder.</summary>
    public required CompetenceLevel EntryLevel { get; init; }

    /// <summary>Gets the skills the concern needs; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<SkillRequirement> Skills
    {
        get => _skills;
        init => _skills = ValueList<SkillRequirement>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the name of the ladder the concern follows.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Ladder
    {
        get => _ladder;
        init => _ladder = Guard.NotNull(value);
    }

    /// <summary>Gets the concern's priority before step boosts and aging.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required Priority Priority
    {
        get => _priority;
        init => _priority = Guard.NotDefault(value);
    }

    /// <summary>Describes the classification for people.</summary>
    /// <returns>A line such as <c>rule 'billing-complex' (rule 2) matched reason within billing → entry level 2, ladder 'billing', skills billing ≥ 3, P2</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("rule '").Append(_rule).Append('\'');
        text.Append(IsDefaultRule ? " (default rule, no other rule matched)" : string.Create(CultureInfo.InvariantCulture, $" (rule {RuleIndex + 1}) matched {_matchedCondition}"));
        text.Append(" → entry level ").Append(EntryLevel).Append(", ladder '").Append(_ladder).Append('\'');
        if (_skills.Count > 0)
        {
            text.Append(", skills ").AppendJoin(", ", _skills);
        }

        text.Append(", ").Append(_priority);
        return text.ToString();
    }
}
