using System.Text.Json;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.CompetenceRouting;

/// <summary>Writes the JSON form of a routing policy that <see cref="RoutingPolicyJsonReader"/> reads; defaults are left out.</summary>
internal static class RoutingPolicyJsonWriter
{
    public static void Write(Utf8JsonWriter writer, RoutingPolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("levels");
        foreach (var level in policy.Levels)
        {
            writer.WriteStartObject();
            writer.WriteNumber("rank", level.Rank);
            writer.WriteString("name", level.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("distribution", Kebab(policy.Distribution));
        writer.WriteString("offerTimeout", Iso(policy.OfferTimeout));
        writer.WriteString("rejectionCooldown", Iso(policy.RejectionCooldown));
        if (policy.AgingInterval is { } aging)
        {
            writer.WriteString("agingInterval", Iso(aging));
        }
        else
        {
            writer.WriteNull("agingInterval");
        }

        if (policy.SlaRiskPercent is { } percent)
        {
            writer.WriteNumber("slaRiskPercent", percent);
        }
        else
        {
            writer.WriteNull("slaRiskPercent");
        }

        writer.WriteBoolean("awayAfterMissedOffer", policy.AwayAfterMissedOffer);

        writer.WriteStartArray("rules");
        foreach (var rule in policy.Rules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("defaultRule");
        WriteRule(writer, policy.DefaultRule);

        writer.WriteStartArray("ladders");
        foreach (var ladder in policy.Ladders)
        {
            WriteLadder(writer, ladder);
        }

        writer.WriteEndArray();
        if (policy.Overflow.Count > 0)
        {
            writer.WriteStartArray("overflow");
            foreach (var rule in policy.Overflow)
            {
                WriteOverflow(writer, rule);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, ClassificationRule rule)
    {
        writer.WriteStartObject();
        writer.WriteString("name", rule.Name);
        if (!rule.When.IsAny)
        {
            writer.WritePropertyName("when");
            WriteCondition(writer, rule.When);
        }

        writer.WriteNumber("entryLevel", rule.EntryLevel.Rank);
        WriteSkills(writer, rule.Skills);
        writer.WriteString("ladder", rule.Ladder);
        if (rule.Priority is { } priority)
        {
            writer.WriteString("priority", priority.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, ConcernCondition condition)
    {
        writer.WriteStartObject();
        WriteStrings(writer, "channels", condition.Channels.Select(c => c.Name));
        WriteStrings(writer, "reasons", condition.Reasons.Select(r => r.Code));
        if (condition.MinComplexity is { } min)
        {
            writer.WriteNumber("minComplexity", min);
        }

        if (condition.MaxComplexity is { } max)
        {
            writer.WriteNumber("maxComplexity", max);
        }

        WriteStrings(writer, "tiers", condition.Tiers.Select(t => t.Name));
        WriteStrings(writer, "languages", condition.Languages.Select(l => l.Tag));
        if (condition.MinPriority is { } priority)
        {
            writer.WriteString("minPriority", priority.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteLadder(Utf8JsonWriter writer, EscalationLadder ladder)
    {
        writer.WriteStartObject();
        writer.WriteString("name", ladder.Name);
        if (ladder.Calendar is not null && ladder.CalendarName is null)
        {
            throw new ArgumentException($"Ladder '{ladder.Name}' has a calendar but no CalendarName, so JSON cannot refer to it. Set CalendarName.", nameof(ladder));
        }

        if (ladder.CalendarName is { } calendar)
        {
            writer.WriteString("calendar", calendar);
        }

        if (ladder.Distribution is { } mode)
        {
            writer.WriteString("distribution", Kebab(mode));
        }

        writer.WriteStartArray("steps");
        foreach (var step in ladder.Steps)
        {
            WriteStep(writer, step);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter writer, LadderStep step)
    {
        writer.WriteStartObject();
        if (step.Name.Length > 0)
        {
            writer.WriteString("name", step.Name);
        }

        writer.WriteNumber("level", step.Level.Rank);
        WriteSkills(writer, step.Skills);
        if (step.MinimumProficiency is { } minimum)
        {
            writer.WriteNumber("minProficiency", minimum);
        }

        if (!step.MatchLanguage)
        {
            writer.WriteBoolean("matchLanguage", false);
        }

        if (step.PreferredAgentOnly)
        {
            writer.WriteBoolean("preferredAgentOnly", true);
        }

        if (step.Timeout is { } timeout)
        {
            writer.WriteString("timeout", Iso(timeout));
        }

        if (step.CountBusinessTime)
        {
            writer.WriteBoolean("businessTime", true);
        }

        if (step.SkipIfNoneAvailable)
        {
            writer.WriteBoolean("skipIfNoneAvailable", true);
        }

        if (step.PriorityBoost != 0)
        {
            writer.WriteNumber("priorityBoost", step.PriorityBoost);
        }

        writer.WriteEndObject();
    }

    private static void WriteOverflow(Utf8JsonWriter writer, OverflowRule rule)
    {
        writer.WriteStartObject();
        writer.WriteString("name", rule.Name);
        if (!rule.When.IsAny)
        {
            writer.WritePropertyName("when");
            WriteCondition(writer, rule.When);
        }

        if (rule.Ladder is { } ladder)
        {
            writer.WriteString("ladder", ladder);
        }

        if (rule.WaitedAtLeast is { } wait)
        {
            writer.WriteString("waitedAtLeast", Iso(wait));
        }

        if (rule.QueueLengthAtLeast is { } length)
        {
            writer.WriteNumber("queueLengthAtLeast", length);
        }

        writer.WriteStartObject("action");
        if (rule.Action.MoveToLadder is { } target)
        {
            writer.WriteString("moveToLadder", target);
        }

        if (rule.Action.EntryLevel is { } level)
        {
            writer.WriteNumber("entryLevel", level.Rank);
        }

        if (rule.Action.Complexity is { } complexity)
        {
            writer.WriteNumber("complexity", complexity);
        }

        if (rule.Action.Priority is { } priority)
        {
            writer.WriteString("priority", priority.ToString());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteSkills(Utf8JsonWriter writer, IReadOnlyList<SkillRequirement> skills)
    {
        if (skills.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("skills");
        foreach (var skill in skills)
        {
            if (skill.MinimumProficiency == SkillProficiency.MinLevel)
            {
                writer.WriteStringValue(skill.Skill.Name);
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("skill", skill.Skill.Name);
            writer.WriteNumber("min", skill.MinimumProficiency);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in list)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Iso(Duration duration) =>
        PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(duration.ToInt64Nanoseconds()).Normalize());

    private static string Kebab(DistributionMode mode) => mode switch
    {
        DistributionMode.LongestIdle => "longest-idle",
        DistributionMode.LeastBusy => "least-busy",
        DistributionMode.BestSkillMatch => "best-skill-match",
        DistributionMode.RoundRobin => "round-robin",
        _ => mode.ToString(),
    };
}
