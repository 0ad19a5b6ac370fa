using System.Globalization;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>Checks a <see cref="RoutingPolicy"/> as a whole and collects every problem.</summary>
internal static class RoutingPolicyValidator
{
    private const int MaxPriorityBoost = Priority.MaxLevel - 1;

    public static IReadOnlyList<ValidationError> Validate(RoutingPolicy policy)
    {
        var errors = new List<ValidationError>();
        ValidateLevels(policy, errors);
        ValidateLadders(policy, errors);
        ValidateRules(policy, errors);
        ValidateOverflow(policy, errors);
        ValidateSettings(policy, errors);
        return errors;
    }

    private static void ValidateLevels(RoutingPolicy policy, List<ValidationError> errors)
    {
        if (policy.Levels.Count == 0)
        {
            errors.Add(new("levels", "is empty", "List the competence levels of the organization, such as 1 (First level) and 2 (Specialists)."));
        }

        foreach (var duplicate in policy.Levels.GroupBy(l => l.Rank).Where(g => g.Count() > 1))
        {
            errors.Add(new("levels", "lists a rank more than once", "Give each rank one entry.", Text(duplicate.Key)));
        }
    }

    private static void ValidateLadders(RoutingPolicy policy, List<ValidationError> errors)
    {
        if (policy.Ladders.Count == 0)
        {
            errors.Add(new("ladders", "is empty", "Add at least one escalation ladder for the default rule."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Ladders.Count; i++)
        {
            var ladder = policy.Ladders[i];
            var path = Text($"ladders[{i}] '{ladder.Name}'");
            if (string.IsNullOrWhiteSpace(ladder.Name))
            {
                errors.Add(new(path + " → name", "is empty", "Name the ladder, such as 'billing'."));
            }
            else if (!names.Add(ladder.Name))
            {
                errors.Add(new(path + " → name", "is used by another ladder", "Give each ladder its own name.", ladder.Name));
            }

            if (ladder.Distribution is { } mode && !Enum.IsDefined(mode))
            {
                errors.Add(new(path + " → distribution", "is not a distribution mode", "Use LongestIdle, LeastBusy, BestSkillMatch or RoundRobin.", mode.ToString()));
            }

            if (ladder.Steps.Count == 0)
            {
                errors.Add(new(path + " → steps", "is empty", "Add at least one step."));
            }

            for (var s = 0; s < ladder.Steps.Count; s++)
            {
                ValidateStep(policy, ladder, s, Text($"{path} → steps[{s}]"), errors);
            }
        }
    }

    private static void ValidateStep(RoutingPolicy policy, EscalationLadder ladder, int index, string path, List<ValidationError> errors)
    {
        var step = ladder.Steps[index];
        RequireLevel(policy, step.Level, path + " → level", errors);
        RequireUniqueSkills(step.Skills, path + " → skills", errors);

        if (step.MinimumProficiency is { } minimum && minimum is < SkillProficiency.MinLevel or > SkillProficiency.MaxLevel)
        {
            errors.Add(new(path + " → minimumProficiency", "is outside 1 to 5", "Use a proficiency from 1 (any) to 5 (expert), or leave it unset.", Text(minimum)));
        }

        if (step.Timeout is { } timeout && timeout <= Duration.Zero)
        {
            errors.Add(new(path + " → timeout", "is not positive", "Use a positive duration, such as 5 minutes.", DurationText.Format(timeout)));
        }

        if (step.Timeout is null && index < ladder.Steps.Count - 1)
        {
            errors.Add(new(path + " → timeout", "is missing on a step that is not the last", "Give the step a timeout, because only the last step may wait without limit."));
        }

        if (step.CountBusinessTime && step.Timeout is null)
        {
            errors.Add(new(path + " → countBusinessTime", "is set on a step without a timeout", "Give the step a timeout or clear countBusinessTime."));
        }

        if (step.CountBusinessTime && ladder.Calendar is null)
        {
            errors.Add(new(path + " → countBusinessTime", "needs a calendar, but the ladder has none", "Set the ladder's calendar or count elapsed time."));
        }

        if (step.PriorityBoost is < 0 or > MaxPriorityBoost)
        {
            errors.Add(new(path + " → priorityBoost", Text($"is outside 0 to {MaxPriorityBoost}"), "Use the number of levels the priority rises, 0 for none.", Text(step.PriorityBoost)));
        }
    }

    private static void ValidateRules(RoutingPolicy policy, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            ValidateRule(policy, policy.Rules[i], Text($"rules[{i}] '{policy.Rules[i].Name}'"), names, errors);
        }

        var defaultRule = policy.DefaultRule;
        var path = $"defaultRule '{defaultRule.Name}'";
        ValidateRule(policy, defaultRule, path, names, errors);
        if (!defaultRule.When.IsAny)
        {
            errors.Add(new(path + " → when", "is set, but the default rule applies to every concern no other rule matches", "Remove the condition, or make it a rule of its own.", defaultRule.When.ToString()));
        }
    }

    private static void ValidateRule(RoutingPolicy policy, ClassificationRule rule, string path, HashSet<string> names, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            errors.Add(new(path + " → name", "is empty", "Name the rule, such as 'billing-complex'."));
        }
        else if (!names.Add(rule.Name))
        {
            errors.Add(new(path + " → name", "is used by another rule", "Give each rule its own name.", rule.Name));
        }

        ValidateCondition(rule.When, path + " → when", errors);
        RequireLevel(policy, rule.EntryLevel, path + " → entryLevel", errors);
        RequireUniqueSkills(rule.Skills, path + " → skills", errors);
        RequireEntryStep(policy, rule.Ladder, rule.EntryLevel, path, errors);

        if (rule.Priority is { Level: 0 })
        {
            errors.Add(new(path + " → priority", "is default(Priority)", "Use P1 to P9, or leave it unset to keep the concern's priority."));
        }
    }

    private static void ValidateOverflow(RoutingPolicy policy, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Overflow.Count; i++)
        {
            var rule = policy.Overflow[i];
            var path = Text($"overflow[{i}] '{rule.Name}'");
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add(new(path + " → name", "is empty", "Name the rule, such as 'general-backlog'."));
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add(new(path + " → name", "is used by another overflow rule", "Give each overflow rule its own name.", rule.Name));
            }

            ValidateCondition(rule.When, path + " → when", errors);
            if (rule.Ladder is { } scope && policy.FindLadder(scope) is null)
            {
                errors.Add(new(path + " → ladder", "names no ladder of the policy", "Use the name of a ladder, or leave it unset for every ladder.", scope));
            }

            ValidateTrigger(rule, path, errors);
            ValidateAction(policy, rule.Action, path + " → action", errors);
        }
    }

    private static void ValidateTrigger(OverflowRule rule, string path, List<ValidationError> errors)
    {
        if ((rule.WaitedAtLeast is null) == (rule.QueueLengthAtLeast is null))
        {
            errors.Add(new(path, "needs exactly one trigger", "Set either waitedAtLeast or queueLengthAtLeast."));
        }

        if (rule.WaitedAtLeast is { } wait && wait <= Duration.Zero)
        {
            errors.Add(new(path + " → waitedAtLeast", "is not positive", "Use a positive duration, such as 30 minutes.", DurationText.Format(wait)));
        }

        if (rule.QueueLengthAtLeast is < 1)
        {
            errors.Add(new(path + " → queueLengthAtLeast", "is less than 1", "Use the number of waiting concerns at which the rule fires.", Text(rule.QueueLengthAtLeast.Value)));
        }
    }

    private static void ValidateAction(RoutingPolicy policy, OverflowAction action, string path, List<ValidationError> errors)
    {
        if (action.MoveToLadder is null && action.Complexity is null && action.Priority is null)
        {
            errors.Add(new(path, "does nothing", "Set moveToLadder, complexity or priority."));
        }

        if (action.MoveToLadder is not null && action.Complexity is not null)
        {
            errors.Add(new(path, "both moves and reclassifies the concern", "Set moveToLadder or complexity, not both."));
        }

        if (action.MoveToLadder is { } ladder)
        {
            RequireEntryStep(policy, ladder, action.EntryLevel ?? default, path, errors, "moveToLadder");
        }

        if (action.EntryLevel is { } level)
        {
            RequireLevel(policy, level, path + " → entryLevel", errors);
            if (action.MoveToLadder is null)
            {
                errors.Add(new(path + " → entryLevel", "is set without moveToLadder", "Set moveToLadder, or remove the entry level."));
            }
        }

        if (action.Complexity is { } complexity && complexity is < RoutableConcern.MinComplexity or > RoutableConcern.MaxComplexity)
        {
            errors.Add(new(path + " → complexity", "is outside 1 to 5", "Use a complexity from 1 to 5.", Text(complexity)));
        }

        if (action.Priority is { Level: 0 })
        {
            errors.Add(new(path + " → priority", "is default(Priority)", "Use P1 to P9, or leave it unset."));
        }
    }

    private static void ValidateSettings(RoutingPolicy policy, List<ValidationError> errors)
    {
        if (!Enum.IsDefined(policy.Distribution))
        {
            errors.Add(new("distribution", "is not a distribution mode", "Use LongestIdle, LeastBusy, BestSkillMatch or RoundRobin.", policy.Distribution.ToString()));
        }

        if (policy.OfferTimeout <= Duration.Zero)
        {
            errors.Add(new("offerTimeout", "is not positive", "Use a positive duration, such as 2 minutes.", DurationText.Format(policy.OfferTimeout)));
        }

        if (policy.RejectionCooldown <= Duration.Zero)
        {
            errors.Add(new("rejectionCooldown", "is not positive", "Use a positive duration, such as 10 minutes.", DurationText.Format(policy.RejectionCooldown)));
        }

        if (policy.AgingInterval is { } aging && aging <= Duration.Zero)
        {
            errors.Add(new("agingInterval", "is not positive", "Use a positive duration, such as 10 minutes, or leave it unset to turn aging off.", DurationText.Format(aging)));
        }

        if (policy.SlaRiskPercent is { } percent && percent is < 1 or > 100)
        {
            errors.Add(new("slaRiskPercent", "is outside 1 to 100", "Use the share of the SLA time in percent, such as 80, or leave it unset.", Text(percent)));
        }
    }

    private static void ValidateCondition(ConcernCondition condition, string path, List<ValidationError> errors)
    {
        if (condition.MinComplexity is { } min && min is < RoutableConcern.MinComplexity or > RoutableConcern.MaxComplexity)
        {
            errors.Add(new(path + " → minComplexity", "is outside 1 to 5", "Use a complexity from 1 to 5.", Text(min)));
        }

        if (condition.MaxComplexity is { } max && max is < RoutableConcern.MinComplexity or > RoutableConcern.MaxComplexity)
        {
            errors.Add(new(path + " → maxComplexity", "is outside 1 to 5", "Use a complexity from 1 to 5.", Text(max)));
        }

        if (condition.MinComplexity > condition.MaxComplexity)
        {
            errors.Add(new(path, "has minComplexity above maxComplexity, so it never matches", "Swap or correct the bounds.", Text($"{condition.MinComplexity} > {condition.MaxComplexity}")));
        }

        if (condition.Channels.Contains(default) || condition.Reasons.Contains(default) || condition.Tiers.Contains(default) || condition.Languages.Contains(default))
        {
            errors.Add(new(path, "lists a default value", "Create channels, reasons, tiers and languages with Parse."));
        }

        if (condition.MinPriority is { Level: 0 })
        {
            errors.Add(new(path + " → minPriority", "is default(Priority)", "Use P1 to P9, or leave it unset."));
        }
    }

    private static void RequireLevel(RoutingPolicy policy, CompetenceLevel level, string path, List<ValidationError> errors)
    {
        if (policy.FindLevel(level.Rank) is null)
        {
            errors.Add(new(path, "is not one of the policy's levels", "Add the level to the policy's levels or use one of them.", Text(level.Rank)));
        }
    }

    private static void RequireUniqueSkills(IReadOnlyList<SkillRequirement> skills, string path, List<ValidationError> errors)
    {
        foreach (var duplicate in skills.GroupBy(s => s.Skill).Where(g => g.Count() > 1))
        {
            errors.Add(new(path, "lists a skill more than once", "Give each skill one minimum proficiency.", duplicate.Key.Name));
        }

        if (skills.Any(s => s.Skill == default))
        {
            errors.Add(new(path, "lists default(Skill)", "Create skills with Skill.Parse."));
        }
    }

    private static void RequireEntryStep(RoutingPolicy policy, string ladderName, CompetenceLevel entryLevel, string path, List<ValidationError> errors, string property = "ladder")
    {
        var ladder = policy.FindLadder(ladderName);
        if (ladder is null)
        {
            errors.Add(new(path + " → " + property, "names no ladder of the policy", "Use the name of one of the policy's ladders.", ladderName));
            return;
        }

        if (ladder.Steps.Count > 0 && ladder.EntryStepFor(entryLevel) < 0)
        {
            errors.Add(new(path + " → " + property, Text($"has no step at level {entryLevel.Rank} or deeper, so the concern could not enter it"), "Add such a step to the ladder, or lower the entry level.", ladderName));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
