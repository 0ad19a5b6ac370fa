using System.Globalization;
using CustomerCare.Core;
using CustomerCare.Sla.Calendars;

namespace CustomerCare.Sla.Policies;

/// <summary>
/// Defines an <see cref="SlaPolicy"/>: rules tried in order, each for some priorities and service tiers, and a
/// default rule.
/// </summary>
/// <remarks>
/// <code>
/// var policy = new SlaPolicyBuilder("standard-support")
///     .AddRule("gold-urgent", rule => rule
///         .ForPriorities(Priority.P1, Priority.P2)
///         .ForTiers(ServiceTier.Parse("gold"))
///         .AddTarget(SlaTargetKind.FirstResponse, Duration.FromMinutes(30), BusinessCalendar.AlwaysOpenUtc, 50, 75, 90)
///         .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(8), BusinessCalendar.AlwaysOpenUtc, 75))
///     .SetDefault(rule => rule
///         .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(8), office, 75)
///         .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(40), office, 75, 90))
///     .Build();
/// </code>
/// <para>
/// <see cref="Build"/> reports every problem at once in a <see cref="CustomerCareValidationException"/>. A builder is
/// not thread-safe; the policies it builds are.
/// </para>
/// </remarks>
public sealed class SlaPolicyBuilder
{
    private readonly string _name;
    private readonly SlaAgreementKind _kind;
    private readonly List<(string Name, SlaRuleBuilder Rule)> _rules = [];
    private SlaRuleBuilder? _default;

    /// <summary>Initializes a builder.</summary>
    /// <param name="name">The policy's name, such as <c>standard-support</c>: 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter. It is lower-cased.</param>
    /// <param name="kind">Whether the policy is a customer SLA (the default) or an internal OLA.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public SlaPolicyBuilder(string name, SlaAgreementKind kind = SlaAgreementKind.ServiceLevelAgreement)
    {
        _name = Guard.NotNull(name);
        _kind = kind;
    }

    /// <summary>Adds a rule; rules are tried in the order added.</summary>
    /// <param name="name">The rule's name, unique within the policy, following the same rules as the policy's name.</param>
    /// <param name="configure">Sets the rule's filters and targets.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="configure"/> is null.</exception>
    public SlaPolicyBuilder AddRule(string name, Action<SlaRuleBuilder> configure)
    {
        Guard.NotNull(name);
        Guard.NotNull(configure);
        var rule = new SlaRuleBuilder();
        configure(rule);
        _rules.Add((name, rule));
        return this;
    }

    /// <summary>Sets the default rule, which applies when no other rule matches. It takes targets but no filters.</summary>
    /// <param name="configure">Adds the default targets; adding none means unmatched concerns get no targets.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public SlaPolicyBuilder SetDefault(Action<SlaRuleBuilder> configure)
    {
        Guard.NotNull(configure);
        var rule = new SlaRuleBuilder();
        configure(rule);
        _default = rule;
        return this;
    }

    /// <summary>Checks the definition and builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="CustomerCareValidationException">
    /// The definition is invalid: an invalid or repeated name, no default rule, a rule without targets or with two
    /// targets of one kind, an invalid target, a first response that takes longer than the resolution on the same
    /// calendar, a default rule with filters, or a rule that an earlier rule always matches first. The exception lists
    /// every problem.
    /// </exception>
    public SlaPolicy Build()
    {
        var errors = new List<ValidationError>();
        var prefix = $"policy '{_name}'";
        var name = ValidateName(_name, prefix + " → name", "policy", errors);
        if (!Enum.IsDefined(_kind))
        {
            errors.Add(new ValidationError(prefix + " → kind", "is not a defined agreement kind", "Use ServiceLevelAgreement or OperationalLevelAgreement.", _kind.ToString()));
        }

        var rules = new List<SlaRule>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _rules.Count; i++)
        {
            var (ruleName, builder) = _rules[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"{prefix} → rules[{i}] '{ruleName}'");
            var normalized = ValidateName(ruleName, path, "rule", errors);
            if (normalized is not null && !names.TryAdd(normalized, path))
            {
                errors.Add(new ValidationError(path, $"repeats the name of {names[normalized]}", "Give each rule its own name.", ruleName));
            }

            if (builder.Targets.Count == 0)
            {
                errors.Add(new ValidationError(path, "has no targets", "Add at least one target with AddTarget, or remove the rule."));
            }

            var rule = BuildRule(normalized ?? ruleName, builder, path, isDefault: false, errors);
            CheckShadowing(rules, rule, path, errors);
            rules.Add(rule);
        }

        SlaRule? defaultRule = null;
        if (_default is null)
        {
            errors.Add(new ValidationError(
                prefix,
                "has no default rule",
                "Call SetDefault with the targets for concerns that no rule matches; SetDefault(_ => { }) gives them no targets."));
        }
        else
        {
            var path = prefix + " → default";
            if (_default.Priorities.Count > 0 || _default.Tiers.Count > 0)
            {
                errors.Add(new ValidationError(path, "has priority or tier filters", "Remove them: the default rule applies to every concern that no other rule matches."));
            }

            defaultRule = BuildRule("default", _default, path, isDefault: true, errors);
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        return new SlaPolicy(name!, _kind, [.. rules], defaultRule!);
    }

    private static SlaRule BuildRule(string name, SlaRuleBuilder builder, string path, bool isDefault, List<ValidationError> errors)
    {
        for (var i = 0; i < builder.Priorities.Count; i++)
        {
            if (builder.Priorities[i] == default)
            {
                errors.Add(new ValidationError(
                    string.Create(CultureInfo.InvariantCulture, $"{path} → priorities[{i}]"),
                    "is default(Priority)",
                    "Use Priority.P1 to Priority.P5 or new Priority(level)."));
            }
        }

        for (var i = 0; i < builder.Tiers.Count; i++)
        {
            if (builder.Tiers[i] == default)
            {
                errors.Add(new ValidationError(
                    string.Create(CultureInfo.InvariantCulture, $"{path} → tiers[{i}]"),
                    "is default(ServiceTier)",
                    "Use ServiceTier.Standard or ServiceTier.Parse(name)."));
            }
        }

        var targets = new List<SlaTarget>();
        var kinds = new Dictionary<SlaTargetKind, string>();
        for (var i = 0; i < builder.Targets.Count; i++)
        {
            var draft = builder.Targets[i];
            var targetPath = string.Create(CultureInfo.InvariantCulture, $"{path} → targets[{i}] '{draft.Kind}'");
            var before = errors.Count;
            SlaTarget.Validate(draft.Kind, draft.Duration, draft.Warnings, targetPath, errors);
            if (draft.Kind != default && !kinds.TryAdd(draft.Kind, targetPath))
            {
                errors.Add(new ValidationError(targetPath, $"repeats the kind of {kinds[draft.Kind]}", "Keep one target per kind in a rule.", draft.Kind.ToString()));
            }

            if (errors.Count == before)
            {
                targets.Add(new SlaTarget(draft.Kind, draft.Duration, draft.Calendar, draft.Warnings));
            }
        }

        var firstResponse = targets.Find(t => t.Kind == SlaTargetKind.FirstResponse);
        var resolution = targets.Find(t => t.Kind == SlaTargetKind.Resolution);
        if (firstResponse is not null && resolution is not null
            && ReferenceEquals(firstResponse.Calendar, resolution.Calendar)
            && firstResponse.Duration > resolution.Duration)
        {
            errors.Add(new ValidationError(
                path,
                $"promises the first response within {CalendarText.Format(firstResponse.Duration)} but the resolution within {CalendarText.Format(resolution.Duration)} on the same calendar",
                "Make the first-response target shorter than the resolution target."));
        }

        return new SlaRule(
            name,
            [.. builder.Priorities.Distinct()],
            [.. builder.Tiers.Distinct()],
            [.. targets],
            isDefault);
    }

    /// <summary>Reports a rule that an earlier rule always matches first, because the earlier rule's priorities and tiers cover it.</summary>
    private static void CheckShadowing(List<SlaRule> earlier, SlaRule rule, string path, List<ValidationError> errors)
    {
        foreach (var previous in earlier)
        {
            var prioritiesCovered = previous.Priorities.Count == 0 || (rule.Priorities.Count > 0 && rule.Priorities.All(previous.Priorities.Contains));
            var tiersCovered = previous.Tiers.Count == 0 || (rule.Tiers.Count > 0 && rule.Tiers.All(previous.Tiers.Contains));
            if (prioritiesCovered && tiersCovered)
            {
                errors.Add(new ValidationError(
                    path,
                    $"never applies, because rule '{previous.Name}' before it matches every concern it would match",
                    "Move the narrower rule before the broader one, or remove it."));
                return;
            }
        }
    }

    private static string? ValidateName(string name, string path, string what, List<ValidationError> errors)
    {
        if (NameToken.TryNormalize(name, out var normalized, out var reason))
        {
            return normalized;
        }

        errors.Add(new ValidationError(
            path,
            $"is not a valid {what} name because {reason}",
            "Use 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter, such as 'gold-urgent'.",
            name));
        return null;
    }
}
