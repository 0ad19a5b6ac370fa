using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.CompetenceRouting.Tests.Support;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Policy;

public class RoutingPolicyTests
{
    private static readonly RoutingPolicy Example = ExamplePolicy.Create(WeekdayCalendar.Berlin);

    [Theory]
    [InlineData("billing/refund", 4, "billing-complex", 2, "P2")]
    [InlineData("billing/refund", 2, "billing", 1, "P3")]
    [InlineData("billing", 3, "billing-complex", 2, "P2")]
    [InlineData("technical/outage", 5, "general", 1, "P3")]
    public void Classify_FirstMatchingRuleWins(string reason, int complexity, string rule, int entryLevel, string priority)
    {
        var classification = Example.Classify(Concern(1, reason, complexity));

        Assert.Equal(rule, classification.Rule);
        Assert.Equal(entryLevel, classification.EntryLevel.Rank);
        Assert.Equal(Priority.Parse(priority), classification.Priority);
        Assert.Equal(rule == "general", classification.IsDefaultRule);
    }

    [Fact]
    public void Classify_UsesPolicyLevelNames()
    {
        var classification = Example.Classify(Concern(1, "billing", 3));

        Assert.Equal("Specialists", classification.EntryLevel.Name);
        Assert.Equal(0, classification.RuleIndex);
        Assert.Equal("rule 'billing-complex' (rule 1) matched reason within billing and complexity ≥ 3 → entry level 2 (Specialists), ladder 'billing', skills billing ≥ 3, P2", classification.ToString());
    }

    [Fact]
    public void Validate_ExamplePolicy_HasNoProblems()
    {
        Assert.Empty(Example.Validate());
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var policy = Example with
        {
            Rules =
            [
                Example.Rules[0] with { Ladder = "missing" },
                Example.Rules[1] with { Name = "billing-complex", EntryLevel = new CompetenceLevel(7, "Nobody") },
            ],
            DefaultRule = Example.DefaultRule with { When = new ConcernCondition { MinComplexity = 4, MaxComplexity = 2 } },
            Ladders =
            [
                Example.Ladders[0] with { Calendar = null, Steps = [.. Example.Ladders[0].Steps.Take(3), Example.Ladders[0].Steps[3] with { PriorityBoost = 9 }, Example.Ladders[0].Steps[4]] },
                Example.Ladders[1] with { Steps = [new LadderStep { Level = CompetenceLevel.FirstLevel }, new LadderStep { Level = CompetenceLevel.SecondLevel, Timeout = Duration.Zero }] },
                Example.Ladders[2],
            ],
            Overflow = [new OverflowRule { Name = "both", WaitedAtLeast = Duration.FromMinutes(1), QueueLengthAtLeast = 3, Action = new OverflowAction() }],
            OfferTimeout = Duration.Zero,
            SlaRiskPercent = 0,
        };

        var errors = policy.Validate();
        var paths = errors.Select(e => e.Path + ": " + e.Problem).ToArray();

        Assert.Contains(paths, p => p.StartsWith("ladders[0] 'billing' → steps[3] → countBusinessTime: needs a calendar", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("ladders[0] 'billing' → steps[4] → countBusinessTime: needs a calendar", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("ladders[0] 'billing' → steps[3] → priorityBoost: is outside 0 to 8", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("ladders[1] 'general' → steps[0] → timeout: is missing", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("ladders[1] 'general' → steps[1] → timeout: is not positive", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("rules[0] 'billing-complex' → ladder: names no ladder", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("rules[1] 'billing-complex' → name: is used by another rule", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("rules[1] 'billing-complex' → entryLevel: is not one of the policy's levels", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("rules[1] 'billing-complex' → ladder: has no step at level 7", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("defaultRule 'general' → when: minComplexity", StringComparison.Ordinal) || p.StartsWith("defaultRule 'general' → when: has minComplexity above maxComplexity", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("defaultRule 'general' → when: is set", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("overflow[0] 'both': needs exactly one trigger", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("overflow[0] 'both' → action: does nothing", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("offerTimeout: is not positive", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("slaRiskPercent: is outside 1 to 100", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix)));
    }

    [Fact]
    public void EnsureValid_InvalidPolicy_ThrowsWithEveryError()
    {
        var policy = Example with { OfferTimeout = Duration.Zero, AgingInterval = Duration.FromMinutes(-1) };

        var exception = Assert.Throws<CustomerCareValidationException>(policy.EnsureValid);

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("offerTimeout", exception.Message, StringComparison.Ordinal);
        Assert.Contains("agingInterval", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverflowAction_Problems()
    {
        var policy = Example with
        {
            Overflow =
            [
                new OverflowRule { Name = "a", QueueLengthAtLeast = 0, Action = new OverflowAction { MoveToLadder = "partners", Complexity = 9 } },
                new OverflowRule { Name = "a", Ladder = "nowhere", WaitedAtLeast = Duration.FromMinutes(5), Action = new OverflowAction { EntryLevel = CompetenceLevel.SecondLevel } },
            ],
        };

        var problems = policy.Validate().Select(e => e.Path + ": " + e.Problem).ToArray();

        Assert.Contains("overflow[0] 'a' → queueLengthAtLeast: is less than 1", problems);
        Assert.Contains("overflow[0] 'a' → action: both moves and reclassifies the concern", problems);
        Assert.Contains("overflow[0] 'a' → action → complexity: is outside 1 to 5", problems);
        Assert.Contains("overflow[1] 'a' → name: is used by another overflow rule", problems);
        Assert.Contains("overflow[1] 'a' → ladder: names no ladder of the policy", problems);
        Assert.Contains("overflow[1] 'a' → action → entryLevel: is set without moveToLadder", problems);
    }

    [Fact]
    public void Validate_LevelsAndSkills_Problems()
    {
        var policy = Example with
        {
            Levels = [CompetenceLevel.FirstLevel, new CompetenceLevel(1, "Again"), CompetenceLevel.SecondLevel, CompetenceLevel.ThirdLevel, new CompetenceLevel(4, "Partners")],
            Rules = [Example.Rules[0] with { Skills = [new SkillRequirement(Skill.Parse("billing")), new SkillRequirement(Skill.Parse("billing"), 2)] }],
        };

        var problems = policy.Validate().Select(e => e.Path + ": " + e.Problem).ToArray();

        Assert.Contains("levels: lists a rank more than once", problems);
        Assert.Contains("rules[0] 'billing-complex' → skills: lists a skill more than once", problems);
    }

    [Fact]
    public void FindLadderAndLevel_ReturnNullWhenMissing()
    {
        Assert.Equal("billing", Example.FindLadder("billing")!.Name);
        Assert.Null(Example.FindLadder("nothing"));
        Assert.Equal("External partners", Example.FindLevel(4)!.Value.Name);
        Assert.Null(Example.FindLevel(9));
    }

    [Fact]
    public void Defaults_AreDocumented()
    {
        var policy = SimplePolicy();

        Assert.Equal(DistributionMode.LongestIdle, policy.Distribution);
        Assert.Equal(Duration.FromMinutes(2), policy.OfferTimeout);
        Assert.Equal(Duration.FromMinutes(10), policy.AgingInterval);
        Assert.Equal(80, policy.SlaRiskPercent);
        Assert.True(policy.AwayAfterMissedOffer);
        Assert.Equal([0, 1, 2, 3, 4], policy.Levels.Select(l => l.Rank));
    }
}
