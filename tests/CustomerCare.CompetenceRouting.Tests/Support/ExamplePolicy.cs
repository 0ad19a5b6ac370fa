using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Overflow;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Tests.Support;

/// <summary>The worked example of docs/competence-routing.md in code; the JSON block there must describe the same policy.</summary>
internal static class ExamplePolicy
{
    public static RoutingPolicy Create(IBusinessCalendar officeHours)
    {
        var billing = Skill.Parse("billing");
        var partners = new CompetenceLevel(4, "External partners");

        return new RoutingPolicy
        {
            Levels = [CompetenceLevel.FirstLevel, CompetenceLevel.SecondLevel, CompetenceLevel.ThirdLevel, partners],
            OfferTimeout = Duration.FromSeconds(45),
            Rules =
            [
                new ClassificationRule
                {
                    Name = "billing-complex",
                    When = new ConcernCondition { Reasons = [ContactReason.Parse("billing")], MinComplexity = 3 },
                    EntryLevel = CompetenceLevel.SecondLevel,
                    Skills = [new SkillRequirement(billing, 3)],
                    Ladder = "billing",
                    Priority = Priority.P2,
                },
                new ClassificationRule
                {
                    Name = "billing",
                    When = new ConcernCondition { Reasons = [ContactReason.Parse("billing")] },
                    EntryLevel = CompetenceLevel.FirstLevel,
                    Skills = [new SkillRequirement(billing, 2)],
                    Ladder = "billing",
                },
            ],
            DefaultRule = new ClassificationRule { Name = "general", EntryLevel = CompetenceLevel.FirstLevel, Ladder = "general" },
            Ladders =
            [
                new EscalationLadder
                {
                    Name = "billing",
                    Calendar = officeHours,
                    CalendarName = "office-hours",
                    Steps =
                    [
                        new LadderStep { Name = "last-agent", Level = CompetenceLevel.FirstLevel, PreferredAgentOnly = true, Timeout = Duration.FromMinutes(2) },
                        new LadderStep { Name = "first-level", Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(5), SkipIfNoneAvailable = true },
                        new LadderStep { Name = "first-level-wide", Level = CompetenceLevel.FirstLevel, MinimumProficiency = 1, MatchLanguage = false, Timeout = Duration.FromMinutes(10), PriorityBoost = 1 },
                        new LadderStep { Name = "specialists", Level = CompetenceLevel.SecondLevel, Timeout = Duration.FromHours(2), CountBusinessTime = true, PriorityBoost = 1 },
                        new LadderStep { Name = "experts", Level = CompetenceLevel.ThirdLevel, Timeout = Duration.FromHours(4), CountBusinessTime = true, PriorityBoost = 2 },
                    ],
                },
                new EscalationLadder
                {
                    Name = "general",
                    Steps =
                    [
                        new LadderStep { Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(10) },
                        new LadderStep { Level = CompetenceLevel.SecondLevel },
                    ],
                },
                new EscalationLadder
                {
                    Name = "partners",
                    Distribution = DistributionMode.LeastBusy,
                    Steps = [new LadderStep { Level = partners }],
                },
            ],
            Overflow =
            [
                new OverflowRule
                {
                    Name = "general-backlog",
                    Ladder = "general",
                    QueueLengthAtLeast = 50,
                    Action = new OverflowAction { MoveToLadder = "partners" },
                },
                new OverflowRule
                {
                    Name = "billing-waited-an-hour",
                    Ladder = "billing",
                    WaitedAtLeast = Duration.FromHours(1),
                    Action = new OverflowAction { Priority = Priority.P1 },
                },
            ],
        };
    }
}
