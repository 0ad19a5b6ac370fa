using CustomerCare.Core;

namespace CustomerCare.Sla.Policies;

/// <summary>
/// A set of promises, selected per concern by priority and service tier: the first rule that matches wins, and the
/// default rule applies when none does.
/// </summary>
/// <remarks>
/// <para>
/// A policy is either a service level agreement with customers or an operational level agreement between teams
/// (<see cref="Kind"/>); both work the same way. Create one with <see cref="SlaPolicyBuilder"/>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class SlaPolicy
{
    private readonly SlaRule[] _rules;

    internal SlaPolicy(string name, SlaAgreementKind kind, SlaRule[] rules, SlaRule defaultRule)
    {
        Name = name;
        Kind = kind;
        _rules = rules;
        Default = defaultRule;
    }

    /// <summary>Gets the policy's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the policy is a customer SLA or an internal OLA.</summary>
    public SlaAgreementKind Kind { get; }

    /// <summary>Gets the rules in the order they are tried, without the default rule.</summary>
    public IReadOnlyList<SlaRule> Rules => _rules;

    /// <summary>Gets the default rule, which applies when no other rule matches.</summary>
    public SlaRule Default { get; }

    /// <summary>Returns the rule that applies to a concern: the first matching rule, or the default rule.</summary>
    /// <param name="priority">The concern's priority.</param>
    /// <param name="tier">The customer's service tier, such as <see cref="ServiceTier.Standard"/>.</param>
    /// <returns>The rule that applies.</returns>
    /// <exception cref="ArgumentException"><paramref name="priority"/> or <paramref name="tier"/> is <c>default</c>.</exception>
    public SlaRule Select(Priority priority, ServiceTier tier)
    {
        Guard.NotDefault(priority);
        Guard.NotDefault(tier);
        foreach (var rule in _rules)
        {
            if (rule.Matches(priority, tier))
            {
                return rule;
            }
        }

        return Default;
    }

    /// <summary>Returns the target of one kind that applies to a concern.</summary>
    /// <param name="kind">The kind of target, such as <see cref="SlaTargetKind.Resolution"/>.</param>
    /// <param name="priority">The concern's priority.</param>
    /// <param name="tier">The customer's service tier.</param>
    /// <returns>The target of the selected rule, or <see langword="null"/> when that rule has no target of this kind.</returns>
    /// <exception cref="ArgumentException"><paramref name="priority"/> or <paramref name="tier"/> is <c>default</c>.</exception>
    public SlaTarget? FindTarget(SlaTargetKind kind, Priority priority, ServiceTier tier) => Select(priority, tier).FindTarget(kind);

    /// <summary>Returns the policy's name and kind.</summary>
    /// <returns>Text such as <c>standard-support (ServiceLevelAgreement)</c>.</returns>
    public override string ToString() => $"{Name} ({Kind})";
}
