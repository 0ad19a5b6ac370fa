using CustomerCare.CompetenceRouting.Tests.Support;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Tests.Policy;

public class RoutingPolicyJsonTests
{
    private static readonly Dictionary<string, IBusinessCalendar> Calendars = new() { ["office-hours"] = WeekdayCalendar.Berlin };

    [Fact]
    public void Parse_DocsExample_EqualsPolicyInCode()
    {
        var json = Docs.CodeBlocks(Docs.CompetenceRouting, "json").Single();

        var policy = RoutingPolicyJson.Parse(json, Calendars);

        Assert.Equal(ExamplePolicy.Create(WeekdayCalendar.Berlin), policy);
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        var policy = ExamplePolicy.Create(WeekdayCalendar.Berlin) with { AgingInterval = null, SlaRiskPercent = null, Distribution = DistributionMode.RoundRobin };

        var json = RoutingPolicyJson.Write(policy);

        Assert.Equal(policy, RoutingPolicyJson.Parse(json, Calendars));
        Assert.Contains("\"round-robin\"", json, StringComparison.Ordinal);
        Assert.Contains("\"agingInterval\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SimplePolicy_Compact()
    {
        var json = RoutingPolicyJson.Write(Testing.CompetenceRouting.RoutingTestData.SimplePolicy(), indented: false);

        Assert.Equal(Testing.CompetenceRouting.RoutingTestData.SimplePolicy(), RoutingPolicyJson.Parse(json));
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsEveryProblemWithPath()
    {
        const string json = """
            {
              "offerTimeout": "2 minutes",
              "distribution": "fastest",
              "slaRiskPercent": "80",
              "rules": [{ "name": "r", "entryLevel": 1, "ladder": "general", "colour": "red", "when": { "channels": ["9"] } }],
              "defaultRule": { "name": "general", "entryLevel": 1, "ladder": "general" },
              "ladders": [{ "name": "general", "calendar": "night-shift", "steps": [{ "level": "one" }, { "level": 2, "skills": [{ "skill": "billing", "min": 7 }] }] }]
            }
            """;

        var exception = Assert.Throws<CustomerCareValidationException>(() => RoutingPolicyJson.Parse(json, Calendars));
        var paths = exception.Errors.Select(e => e.Path).ToArray();

        Assert.Contains("$.offerTimeout", paths);
        Assert.Contains("$.distribution", paths);
        Assert.Contains("$.slaRiskPercent", paths);
        Assert.Contains("$.rules[0].colour", paths);
        Assert.Contains("$.rules[0].when.channels[0]", paths);
        Assert.Contains("$.ladders[0].calendar", paths);
        Assert.Contains("$.ladders[0].steps[0].level", paths);
        Assert.Contains("$.ladders[0].steps[1].skills[0].min", paths);
        Assert.Contains("office-hours", exception.Errors.Single(e => e.Path == "$.ladders[0].calendar").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidJsonInvalidPolicy_ReportsPolicyProblems()
    {
        const string json = """
            {
              "defaultRule": { "name": "general", "entryLevel": 1, "ladder": "nowhere" },
              "ladders": [{ "name": "general", "steps": [{ "level": 1 }, { "level": 2 }] }]
            }
            """;

        var exception = Assert.Throws<CustomerCareValidationException>(() => RoutingPolicyJson.Parse(json));

        Assert.Contains(exception.Errors, e => e.Path == "defaultRule 'general' → ladder");
        Assert.Contains(exception.Errors, e => e.Path == "ladders[0] 'general' → steps[0] → timeout");
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("[]", "is Array, not an object")]
    [InlineData("{}", "is missing")]
    public void Parse_BrokenDocument_Throws(string json, string problem)
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => RoutingPolicyJson.Parse(json));

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SkillShorthandAndDays()
    {
        const string json = """
            {
              "defaultRule": { "name": "general", "entryLevel": 1, "skills": ["billing"], "ladder": "general" },
              "ladders": [{ "name": "general", "steps": [{ "level": 1, "timeout": "P1DT2H" }, { "level": 2 }] }]
            }
            """;

        var policy = RoutingPolicyJson.Parse(json);

        Assert.Equal(1, policy.DefaultRule.Skills.Single().MinimumProficiency);
        Assert.Equal(Duration.FromHours(26), policy.Ladders[0].Steps[0].Timeout);
    }

    [Fact]
    public void Parse_MonthsInDuration_Rejected()
    {
        const string json = """{ "offerTimeout": "P1M", "defaultRule": { "name": "g", "entryLevel": 1, "ladder": "g" }, "ladders": [{ "name": "g", "steps": [{ "level": 1 }] }] }""";

        var exception = Assert.Throws<CustomerCareValidationException>(() => RoutingPolicyJson.Parse(json));

        Assert.Equal("$.offerTimeout", exception.Errors.Single().Path);
    }

    [Fact]
    public void Write_CalendarWithoutName_Throws()
    {
        var policy = ExamplePolicy.Create(WeekdayCalendar.Berlin);
        policy = policy with { Ladders = [policy.Ladders[0] with { CalendarName = null }, .. policy.Ladders.Skip(1)] };

        Assert.Throws<ArgumentException>(() => RoutingPolicyJson.Write(policy));
    }
}
