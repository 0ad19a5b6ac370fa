using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Policies;

/// <summary>Collects the filters and targets of one rule of an <see cref="SlaPolicyBuilder"/>.</summary>
/// <remarks>The builder only collects; <see cref="SlaPolicyBuilder.Build"/> checks everything. It is not thread-safe.</remarks>
public sealed class SlaRuleBuilder
{
    internal SlaRuleBuilder()
    {
    }

    internal List<Priority> Priorities { get; } = [];

    internal List<ServiceTier> Tiers { get; } = [];

    internal List<TargetDraft> Targets { get; } = [];

    /// <summary>Restricts the rule to concerns with one of the given priorities; without this call it applies to every priority.</summary>
    /// <param name="priorities">The priorities, such as <see cref="Priority.P1"/> and <see cref="Priority.P2"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="priorities"/> is null.</exception>
    public SlaRuleBuilder ForPriorities(params Priority[] priorities)
    {
        Priorities.AddRange(Guard.NotNull(priorities));
        return this;
    }

    /// <summary>Restricts the rule to customers with one of the given service tiers; without this call it applies to every tier.</summary>
    /// <param name="tiers">The tiers, such as <c>ServiceTier.Parse("gold")</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is null.</exception>
    public SlaRuleBuilder ForTiers(params ServiceTier[] tiers)
    {
        Tiers.AddRange(Guard.NotNull(tiers));
        return this;
    }

    /// <summary>Adds a target that is already valid.</summary>
    /// <param name="target">The target.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public SlaRuleBuilder AddTarget(SlaTarget target)
    {
        Guard.NotNull(target);
        Targets.Add(new TargetDraft(target.Kind, target.Duration, target.Calendar, [.. target.WarningPercentages]));
        return this;
    }

    /// <summary>Adds a target; <see cref="SlaPolicyBuilder.Build"/> checks it with everything else.</summary>
    /// <param name="kind">What the target measures.</param>
    /// <param name="duration">The business time allowed, positive.</param>
    /// <param name="calendar">The calendar that counts the business time.</param>
    /// <param name="warningPercentages">The shares of the duration, 1 to 99 percent, at which warnings are due.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="warningPercentages"/> is null.</exception>
    public SlaRuleBuilder AddTarget(SlaTargetKind kind, Duration duration, IBusinessCalendar calendar, params int[] warningPercentages)
    {
        Targets.Add(new TargetDraft(kind, duration, Guard.NotNull(calendar), [.. Guard.NotNull(warningPercentages)]));
        return this;
    }

    /// <summary>A target as given, before validation.</summary>
    internal sealed record TargetDraft(SlaTargetKind Kind, Duration Duration, IBusinessCalendar Calendar, int[] Warnings);
}
