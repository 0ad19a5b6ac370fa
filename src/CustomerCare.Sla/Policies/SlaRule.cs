using CustomerCare.Core;

namespace CustomerCare.Sla.Policies;

/// <summary>
/// The targets of an <see cref="SlaPolicy"/> for concerns of some priorities and service tiers, such as P1 and P2
/// concerns of <c>gold</c> customers.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SlaRule
{
    private readonly Priority[] _priorities;
    private readonly ServiceTier[] _tiers;
    private readonly SlaTarget[] _targets;

    internal SlaRule(string name, Priority[] priorities, ServiceTier[] tiers, SlaTarget[] targets, bool isDefault)
    {
        Name = name;
        _priorities = priorities;
        _tiers = tiers;
        _targets = targets;
        IsDefault = isDefault;
    }

    /// <summary>Gets the rule's name, unique within its policy; the default rule is named <c>default</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the priorities the rule applies to; empty when it applies to every priority.</summary>
    public IReadOnlyList<Priority> Priorities => _priorities;

    /// <summary>Gets the service tiers the rule applies to; empty when it applies to every tier.</summary>
    public IReadOnlyList<ServiceTier> Tiers => _tiers;

    /// <summary>Gets the targets, at most one per kind.</summary>
    public IReadOnlyList<SlaTarget> Targets => _targets;

    /// <summary>Gets whether this is the policy's default rule, which applies when no other rule does.</summary>
    public bool IsDefault { get; }

    /// <summary>Returns whether the rule applies to a concern with the given priority and tier.</summary>
    /// <param name="priority">The concern's priority.</param>
    /// <param name="tier">The customer's service tier.</param>
    /// <returns><see langword="true"/> when both the priority and the tier are among the rule's, or the rule does not restrict them.</returns>
    public bool Matches(Priority priority, ServiceTier tier) =>
        (_priorities.Length == 0 || Array.IndexOf(_priorities, priority) >= 0)
        && (_tiers.Length == 0 || Array.IndexOf(_tiers, tier) >= 0);

    /// <summary>Returns the rule's target of the given kind.</summary>
    /// <param name="kind">The kind of target.</param>
    /// <returns>The target, or <see langword="null"/> when the rule has none of that kind.</returns>
    public SlaTarget? FindTarget(SlaTargetKind kind) => Array.Find(_targets, target => target.Kind == kind);

    /// <summary>Returns the rule's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
