using System.Globalization;
using System.Text.Json;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.Core;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// Reads the JSON form of a routing policy, collecting every problem with its JSON path instead of stopping at the
/// first. A value that cannot be read is left at its default, so later checks still run.
/// </summary>
internal sealed class RoutingPolicyJsonReader(IReadOnlyDictionary<string, IBusinessCalendar> calendars)
{
    private static readonly string[] PolicyProperties = ["levels", "distribution", "offerTimeout", "rejectionCooldown", "agingInterval", "slaRiskPercent", "awayAfterMissedOffer", "rules", "defaultRule", "ladders", "overflow"];
    private static readonly string[] LevelProperties = ["rank", "name"];
    private static readonly string[] RuleProperties = ["name", "when", "entryLevel", "skills", "ladder", "priority"];
    private static readonly string[] ConditionProperties = ["channels", "reasons", "minComplexity", "maxComplexity", "tiers", "languages", "minPriority"];
    private static readonly string[] LadderProperties = ["name", "calendar", "distribution", "steps"];
    private static readonly string[] StepProperties = ["name", "level", "skills", "minProficiency", "matchLanguage", "preferredAgentOnly", "timeout", "businessTime", "skipIfNoneAvailable", "priorityBoost"];
    private static readonly string[] SkillProperties = ["skill", "min"];
    private static readonly string[] OverflowProperties = ["name", "when", "ladder", "waitedAtLeast", "queueLengthAtLeast", "action"];
    private static readonly string[] ActionProperties = ["moveToLadder", "entryLevel", "complexity", "priority"];

    private readonly List<ValidationError> _errors = [];
    private readonly Dictionary<int, string> _levelNames = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public RoutingPolicy? Read(JsonElement root)
    {
        if (!RequireKind(root, JsonValueKind.Object, "$"))
        {
            return null;
        }

        CheckProperties(root, "$", PolicyProperties);
        var levels = ReadValues(root, "levels", "$", ReadLevel);
        foreach (var level in levels ?? [])
        {
            _levelNames.TryAdd(level.Rank, level.Name);
        }

        var defaults = new RoutingPolicy { DefaultRule = new() { Name = "default", EntryLevel = CompetenceLevel.FirstLevel, Ladder = string.Empty }, Ladders = [] };
        var defaultRule = Property(root, "defaultRule") is { } element ? ReadRule(element, "$.defaultRule") : null;
        if (defaultRule is null && Property(root, "defaultRule") is null)
        {
            _errors.Add(new("$.defaultRule", "is missing", "Add the rule for concerns that no other rule matches."));
        }

        var ladders = ReadList(root, "ladders", "$", ReadLadder);
        if (ladders is null && Property(root, "ladders") is null)
        {
            _errors.Add(new("$.ladders", "is missing", "Add at least one escalation ladder."));
        }

        if (defaultRule is null || ladders is null)
        {
            return null;
        }

        return new RoutingPolicy
        {
            Levels = levels ?? defaults.Levels,
            Rules = ReadList(root, "rules", "$", ReadRule) ?? [],
            DefaultRule = defaultRule,
            Ladders = ladders,
            Overflow = ReadList(root, "overflow", "$", ReadOverflow) ?? [],
            Distribution = ReadDistribution(root, "distribution", "$") ?? defaults.Distribution,
            OfferTimeout = ReadDuration(root, "offerTimeout", "$") ?? defaults.OfferTimeout,
            RejectionCooldown = ReadDuration(root, "rejectionCooldown", "$") ?? defaults.RejectionCooldown,
            AgingInterval = Property(root, "agingInterval") is { ValueKind: JsonValueKind.Null } ? null : ReadDuration(root, "agingInterval", "$") ?? defaults.AgingInterval,
            SlaRiskPercent = Property(root, "slaRiskPercent") is { ValueKind: JsonValueKind.Null } ? null : ReadInt(root, "slaRiskPercent", "$") ?? defaults.SlaRiskPercent,
            AwayAfterMissedOffer = ReadBool(root, "awayAfterMissedOffer", "$") ?? defaults.AwayAfterMissedOffer,
        };
    }

    private CompetenceLevel? ReadLevel(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, LevelProperties);
        var rank = ReadInt(element, "rank", path);
        var name = ReadString(element, "name", path);
        if (rank is not { } value || name is null)
        {
            RequirePresent(element, "rank", path, "Give the level's rank, such as 2.");
            RequirePresent(element, "name", path, "Give the level's name, such as \"Specialists\".");
            return null;
        }

        if (value is < 0 or > CompetenceLevel.MaxRank || string.IsNullOrWhiteSpace(name))
        {
            _errors.Add(new(path, $"needs a rank from 0 to {CompetenceLevel.MaxRank} and a name", "Give a rank such as 2 and a name such as \"Specialists\".", Text(value)));
            return null;
        }

        return new CompetenceLevel(value, name);
    }

    private ClassificationRule? ReadRule(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, RuleProperties);
        var name = ReadString(element, "name", path);
        var entryLevel = ReadLevelRank(element, "entryLevel", path);
        var ladder = ReadString(element, "ladder", path);
        RequirePresent(element, "name", path, "Name the rule, such as \"billing-complex\".");
        RequirePresent(element, "entryLevel", path, "Give the entry level's rank, such as 1.");
        RequirePresent(element, "ladder", path, "Name the ladder the concern follows.");

        return new ClassificationRule
        {
            Name = name ?? string.Empty,
            When = Property(element, "when") is { } when ? ReadCondition(when, path + ".when") ?? ConcernCondition.Any : ConcernCondition.Any,
            EntryLevel = entryLevel ?? default,
            Skills = ReadValues(element, "skills", path, ReadSkillRequirement) ?? [],
            Ladder = ladder ?? string.Empty,
            Priority = ReadParsed<Priority>(element, "priority", path, "a priority such as \"P2\""),
        };
    }

    private ConcernCondition? ReadCondition(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, ConditionProperties);
        return new ConcernCondition
        {
            Channels = ReadValues(element, "channels", path, (e, p) => ParseString<Channel>(e, p, "a channel such as \"email\"")) ?? [],
            Reasons = ReadValues(element, "reasons", path, (e, p) => ParseString<ContactReason>(e, p, "a contact reason such as \"billing/refund\"")) ?? [],
            MinComplexity = ReadInt(element, "minComplexity", path),
            MaxComplexity = ReadInt(element, "maxComplexity", path),
            Tiers = ReadValues(element, "tiers", path, (e, p) => ParseString<ServiceTier>(e, p, "a service tier such as \"gold\"")) ?? [],
            Languages = ReadValues(element, "languages", path, (e, p) => ParseString<Language>(e, p, "a language tag such as \"de\"")) ?? [],
            MinPriority = ReadParsed<Priority>(element, "minPriority", path, "a priority such as \"P2\""),
        };
    }

    private EscalationLadder? ReadLadder(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, LadderProperties);
        var name = ReadString(element, "name", path);
        RequirePresent(element, "name", path, "Name the ladder, such as \"billing\".");
        RequirePresent(element, "steps", path, "Add the ladder's steps.");

        var calendarName = ReadString(element, "calendar", path);
        IBusinessCalendar? calendar = null;
        if (calendarName is not null && !calendars.TryGetValue(calendarName, out calendar))
        {
            var known = calendars.Count == 0 ? "none were given" : "known: " + string.Join(", ", calendars.Keys.Order(StringComparer.Ordinal));
            _errors.Add(new(path + ".calendar", $"names a calendar that was not given ({known})", "Pass the calendar to RoutingPolicyJson.Parse, or correct its name.", calendarName));
        }

        return new EscalationLadder
        {
            Name = name ?? string.Empty,
            Steps = ReadList(element, "steps", path, ReadStep) ?? [],
            Calendar = calendar,
            CalendarName = calendarName,
            Distribution = ReadDistribution(element, "distribution", path),
        };
    }

    private LadderStep? ReadStep(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, StepProperties);
        var level = ReadLevelRank(element, "level", path);
        RequirePresent(element, "level", path, "Give the rank of the level that agents must work at, such as 2.");
        return new LadderStep
        {
            Name = ReadString(element, "name", path) ?? string.Empty,
            Level = level ?? default,
            Skills = ReadValues(element, "skills", path, ReadSkillRequirement) ?? [],
            MinimumProficiency = ReadInt(element, "minProficiency", path),
            MatchLanguage = ReadBool(element, "matchLanguage", path) ?? true,
            PreferredAgentOnly = ReadBool(element, "preferredAgentOnly", path) ?? false,
            Timeout = ReadDuration(element, "timeout", path),
            CountBusinessTime = ReadBool(element, "businessTime", path) ?? false,
            SkipIfNoneAvailable = ReadBool(element, "skipIfNoneAvailable", path) ?? false,
            PriorityBoost = ReadInt(element, "priorityBoost", path) ?? 0,
        };
    }

    private SkillRequirement? ReadSkillRequirement(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return ParseString<Skill>(element, path, "a skill name such as \"billing\"") is { } skill ? new SkillRequirement(skill) : null;
        }

        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, SkillProperties);
        RequirePresent(element, "skill", path, "Name the skill, such as \"billing\".");
        var parsed = Property(element, "skill") is { } skillElement ? ParseString<Skill>(skillElement, path + ".skill", "a skill name such as \"billing\"") : null;
        var minimum = ReadInt(element, "min", path) ?? SkillProficiency.MinLevel;
        if (minimum is < SkillProficiency.MinLevel or > SkillProficiency.MaxLevel)
        {
            _errors.Add(new(path + ".min", "is outside 1 to 5", "Use a proficiency from 1 (any) to 5 (expert).", Text(minimum)));
            return null;
        }

        return parsed is { } named ? new SkillRequirement(named, minimum) : null;
    }

    private OverflowRule? ReadOverflow(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, OverflowProperties);
        RequirePresent(element, "name", path, "Name the rule, such as \"general-backlog\".");
        RequirePresent(element, "action", path, "Say what the rule does.");
        var action = Property(element, "action") is { } actionElement ? ReadAction(actionElement, path + ".action") : null;
        return new OverflowRule
        {
            Name = ReadString(element, "name", path) ?? string.Empty,
            When = Property(element, "when") is { } when ? ReadCondition(when, path + ".when") ?? ConcernCondition.Any : ConcernCondition.Any,
            Ladder = ReadString(element, "ladder", path),
            WaitedAtLeast = ReadDuration(element, "waitedAtLeast", path),
            QueueLengthAtLeast = ReadInt(element, "queueLengthAtLeast", path),
            Action = action ?? new OverflowAction(),
        };
    }

    private OverflowAction? ReadAction(JsonElement element, string path)
    {
        if (!RequireKind(element, JsonValueKind.Object, path))
        {
            return null;
        }

        CheckProperties(element, path, ActionProperties);
        return new OverflowAction
        {
            MoveToLadder = ReadString(element, "moveToLadder", path),
            EntryLevel = ReadLevelRank(element, "entryLevel", path),
            Complexity = ReadInt(element, "complexity", path),
            Priority = ReadParsed<Priority>(element, "priority", path, "a priority such as \"P2\""),
        };
    }

    private List<T>? ReadList<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T?> read)
        where T : class =>
        ReadItems<T>(parent, name, path, (element, itemPath) => read(element, itemPath) is { } value ? [value] : []);

    private List<T>? ReadValues<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T?> read)
        where T : struct =>
        ReadItems<T>(parent, name, path, (element, itemPath) => read(element, itemPath) is { } value ? [value] : []);

    private List<T>? ReadItems<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T[]> read)
    {
        if (Property(parent, name) is not { } element)
        {
            return null;
        }

        var listPath = path + "." + name;
        if (!RequireKind(element, JsonValueKind.Array, listPath))
        {
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            items.AddRange(read(item, Text($"{listPath}[{index}]")));
            index++;
        }

        return items;
    }

    private static JsonElement? Property(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : null;

    private string? ReadString(JsonElement parent, string name, string path)
    {
        if (Property(parent, name) is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return RequireKind(element, JsonValueKind.String, path + "." + name) ? element.GetString() : null;
    }

    private int? ReadInt(JsonElement parent, string name, string path)
    {
        if (Property(parent, name) is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        _errors.Add(new(path + "." + name, "is not a whole number", "Write a number without quotes, such as 3.", element.GetRawText()));
        return null;
    }

    private bool? ReadBool(JsonElement parent, string name, string path)
    {
        if (Property(parent, name) is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        _errors.Add(new(path + "." + name, "is not true or false", "Write true or false without quotes.", element.GetRawText()));
        return null;
    }

    private CompetenceLevel? ReadLevelRank(JsonElement parent, string name, string path)
    {
        if (ReadInt(parent, name, path) is not { } rank)
        {
            return null;
        }

        if (rank is < 0 or > CompetenceLevel.MaxRank)
        {
            _errors.Add(new(path + "." + name, $"is outside 0 to {CompetenceLevel.MaxRank}", "Use the rank of one of the policy's levels.", Text(rank)));
            return null;
        }

        return new CompetenceLevel(rank, _levelNames.GetValueOrDefault(rank) ?? LevelName(rank));
    }

    private Duration? ReadDuration(JsonElement parent, string name, string path)
    {
        if (ReadString(parent, name, path) is not { } text)
        {
            return null;
        }

        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (parsed.Success && parsed.Value is { Years: 0, Months: 0 } period)
        {
            return period.ToDuration();
        }

        _errors.Add(new(path + "." + name, "is not an ISO 8601 duration in days, hours, minutes or seconds", "Write a duration such as \"PT5M\" (5 minutes) or \"PT2H\" (2 hours).", text));
        return null;
    }

    private DistributionMode? ReadDistribution(JsonElement parent, string name, string path)
    {
        if (ReadString(parent, name, path) is not { } text)
        {
            return null;
        }

        var compact = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<DistributionMode>(compact, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(compact, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return mode;
        }

        _errors.Add(new(path + "." + name, "is not a distribution mode", "Use \"longest-idle\", \"least-busy\", \"best-skill-match\" or \"round-robin\".", text));
        return null;
    }

    private T? ReadParsed<T>(JsonElement parent, string name, string path, string example)
        where T : struct, IParsable<T> =>
        Property(parent, name) is { ValueKind: not JsonValueKind.Null } element ? ParseString<T>(element, path + "." + name, example) : null;

    private T? ParseString<T>(JsonElement element, string path, string example)
        where T : struct, IParsable<T>
    {
        if (!RequireKind(element, JsonValueKind.String, path))
        {
            return null;
        }

        var text = element.GetString();
        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _errors.Add(new(path, $"is not {example.Split(' ')[0]} {example.Split(' ')[1]}", $"Write {example}.", text));
        return null;
    }

    private bool RequireKind(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        var expected = kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            _ => kind.ToString(),
        };
        _errors.Add(new(path, $"is {element.ValueKind}, not {expected}", $"Write {expected} here.", element.GetRawText()));
        return false;
    }

    private void RequirePresent(JsonElement element, string name, string path, string fix)
    {
        if (Property(element, name) is null)
        {
            _errors.Add(new(path + "." + name, "is missing", fix));
        }
    }

    private void CheckProperties(JsonElement element, string path, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                _errors.Add(new(path + "." + property.Name, "is not a known property", "Remove it or correct its name; known here: " + string.Join(", ", known) + "."));
            }
        }
    }

    private static string LevelName(int rank) => rank switch
    {
        0 => CompetenceLevel.SelfService.Name,
        1 => CompetenceLevel.FirstLevel.Name,
        2 => CompetenceLevel.SecondLevel.Name,
        3 => CompetenceLevel.ThirdLevel.Name,
        _ => Text($"Level {rank}"),
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
