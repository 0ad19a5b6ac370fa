using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// How an organization routes concerns: its competence levels, the classification rules, the escalation ladders, how
/// agents are chosen, and the overflow rules for queues that are too slow or too long.
/// </summary>
/// <remarks>
/// <para>
/// Classification, ladders, distribution and overflow are separate policies that meet here. Classification tests
/// <see cref="Rules"/> in order, and the first match chooses the entry level, skills, ladder and priority;
/// <see cref="DefaultRule"/> catches the rest. The ladder decides which agents may take the concern as time passes.
/// <see cref="Distribution"/> chooses among them. <see cref="Overflow"/> moves or reclassifies concerns that wait too
/// long.
/// </para>
/// <para>
/// A policy is checked as a whole: <see cref="Validate"/> returns every problem, and the routing engine refuses a
/// policy with any. <see cref="RoutingPolicyJson"/> reads and writes the JSON form. This type is immutable and
/// thread-safe.
/// </para>
/// </remarks>
public sealed record RoutingPolicy
{
    private readonly ValueList<CompetenceLevel> _levels = ValueList<CompetenceLevel>.Wrap(
        [CompetenceLevel.SelfService, CompetenceLevel.FirstLevel, CompetenceLevel.SecondLevel, CompetenceLevel.ThirdLevel, ExternalPartners]);

    private readonly ValueList<ClassificationRule> _rules = ValueList<ClassificationRule>.Empty;
    private readonly ClassificationRule _defaultRule = null!;
    private readonly ValueList<EscalationLadder> _ladders = ValueList<EscalationLadder>.Empty;
    private readonly ValueList<OverflowRule> _overflow = ValueList<OverflowRule>.Empty;

    /// <summary>Gets level 4 of the default levels: external partners who take what the organization does not.</summary>
    public static CompetenceLevel ExternalPartners { get; } = new(4, "External partners");

    /// <summary>
    /// Gets the competence levels of the organization with their names; by default 0 self-service, 1 first level,
    /// 2 specialists, 3 experts and 4 external partners.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<CompetenceLevel> Levels
    {
        get => _levels;
        init => _levels = ValueList<CompetenceLevel>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the classification rules, tested in order; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value or a rule is null.</exception>
    public IReadOnlyList<ClassificationRule> Rules
    {
        get => _rules;
        init => _rules = ValueList<ClassificationRule>.From(Guard.NoNullElements(value));
    }

    /// <summary>Gets the rule for concerns that no other rule matches; its condition must be <see cref="ConcernCondition.Any"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required ClassificationRule DefaultRule
    {
        get => _defaultRule;
        init => _defaultRule = Guard.NotNull(value);
    }

    /// <summary>Gets the escalation ladders; at least one.</summary>
    /// <exception cref="ArgumentNullException">The value or a ladder is null.</exception>
    public required IReadOnlyList<EscalationLadder> Ladders
    {
        get => _ladders;
        init => _ladders = ValueList<EscalationLadder>.From(Guard.NoNullElements(value));
    }

    /// <summary>Gets the overflow rules, tested in order; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value or a rule is null.</exception>
    public IReadOnlyList<OverflowRule> Overflow
    {
        get => _overflow;
        init => _overflow = ValueList<OverflowRule>.From(Guard.NoNullElements(value));
    }

    /// <summary>
    /// Gets how agents are chosen among those who meet a step; <see cref="DistributionMode.LongestIdle"/> by default.
    /// A ladder's own <see cref="EscalationLadder.Distribution"/> overrides it.
    /// </summary>
    public DistributionMode Distribution { get; init; }

    /// <summary>Gets how long an agent has to accept or reject an offer; two minutes by default.</summary>
    public Duration OfferTimeout { get; init; } = Duration.FromMinutes(2);

    /// <summary>
    /// Gets how long an agent who rejected an offer of a concern is not asked for it again; ten minutes by default.
    /// After that the agent is asked again, so a concern that every eligible agent rejected is not stuck for good.
    /// </summary>
    public Duration RejectionCooldown { get; init; } = Duration.FromMinutes(10);

    /// <summary>
    /// Gets the waiting time after which a concern counts one priority level more urgent, again for each further
    /// interval, so old low-priority concerns are not starved by new urgent ones; ten minutes by default,
    /// <see langword="null"/> to turn aging off. Aging never goes beyond P1.
    /// </summary>
    public Duration? AgingInterval { get; init; } = Duration.FromMinutes(10);

    /// <summary>
    /// Gets the share of the SLA time, in percent, at which a waiting concern escalates to the next level once; 80 by
    /// default, <see langword="null"/> to turn SLA-risk escalation off. Only concerns with
    /// <see cref="RoutableConcern.SlaDueAt"/> take part.
    /// </summary>
    public int? SlaRiskPercent { get; init; } = 80;

    /// <summary>
    /// Gets a value indicating whether an agent who lets an offer expire is set to <see cref="Agents.Presence.Away"/>,
    /// so the next concerns do not wait for them too; <see langword="true"/> by default.
    /// </summary>
    public bool AwayAfterMissedOffer { get; init; } = true;

    /// <summary>Checks the whole policy and returns every problem found.</summary>
    /// <returns>The problems in the order found, each with its path, value and fix; empty when the policy is valid.</returns>
    public IReadOnlyList<ValidationError> Validate() => RoutingPolicyValidator.Validate(this);

    /// <summary>Throws when the policy has any problem.</summary>
    /// <exception cref="CustomerCareValidationException">The policy is invalid; the exception lists every problem.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    /// <summary>Returns the ladder with the given name.</summary>
    /// <param name="name">The ladder's name.</param>
    /// <returns>The ladder, or <see langword="null"/> when the policy has none of that name.</returns>
    public EscalationLadder? FindLadder(string? name)
    {
        foreach (var ladder in _ladders.AsSpan())
        {
            if (string.Equals(ladder.Name, name, StringComparison.Ordinal))
            {
                return ladder;
            }
        }

        return null;
    }

    /// <summary>Returns the policy's level of the given rank, with its configured name.</summary>
    /// <param name="rank">The rank.</param>
    /// <returns>The level, or <see langword="null"/> when the policy has no level of that rank.</returns>
    public CompetenceLevel? FindLevel(int rank)
    {
        foreach (var level in _levels.AsSpan())
        {
            if (level.Rank == rank)
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>Classifies a concern: the first rule whose condition it meets, or the default rule.</summary>
    /// <param name="concern">The concern.</param>
    /// <returns>The rule's choice of entry level, skills, ladder and priority.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    public ConcernClassification Classify(RoutableConcern concern)
    {
        Guard.NotNull(concern);

        for (var i = 0; i < _rules.Count; i++)
        {
            if (_rules[i].When.Matches(concern))
            {
                return ClassificationFrom(_rules[i], i, concern);
            }
        }

        return ClassificationFrom(_defaultRule, -1, concern);
    }

    private ConcernClassification ClassificationFrom(ClassificationRule rule, int index, RoutableConcern concern) => new()
    {
        Rule = rule.Name,
        RuleIndex = index,
        MatchedCondition = rule.When.ToString(),
        EntryLevel = FindLevel(rule.EntryLevel.Rank) ?? rule.EntryLevel,
        Skills = rule.Skills,
        Ladder = rule.Ladder,
        Priority = rule.Priority ?? concern.Priority,
    };
}
