using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Policies;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.TestCalendars;

namespace CustomerCare.Sla.Tests.Policies;

public class SlaPolicyTests
{
    private static readonly BusinessCalendar Office = Weekdays("Europe/Berlin", "09:00-17:00");
    private static readonly ServiceTier Gold = ServiceTier.Parse("gold");
    private static readonly ServiceTier Silver = ServiceTier.Parse("silver");

    private static readonly SlaPolicy Policy = new SlaPolicyBuilder("standard-support")
        .AddRule("gold-urgent", rule => rule
            .ForPriorities(Priority.P1, Priority.P2)
            .ForTiers(Gold)
            .AddTarget(SlaTargetKind.FirstResponse, Duration.FromMinutes(30), BusinessCalendar.AlwaysOpenUtc, 50, 75, 90)
            .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(8), BusinessCalendar.AlwaysOpenUtc))
        .AddRule("urgent", rule => rule
            .ForPriorities(Priority.P1)
            .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), Office))
        .AddRule("silver", rule => rule
            .ForTiers(Silver)
            .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), Office)
            .AddTarget(SlaTargetKind.NextResponse, Duration.FromHours(8), Office))
        .SetDefault(rule => rule
            .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(8), Office, 75)
            .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(40), Office, 75, 90))
        .Build();

    [Theory]
    [InlineData(1, "gold", "gold-urgent")]
    [InlineData(2, "gold", "gold-urgent")]
    [InlineData(3, "gold", "default")]
    [InlineData(1, "silver", "urgent")] // first match wins: "urgent" comes before "silver"
    [InlineData(2, "silver", "silver")]
    [InlineData(1, "standard", "urgent")]
    [InlineData(5, "standard", "default")]
    public void Select_FirstMatchingRuleWins(int priority, string tier, string rule)
    {
        var selected = Policy.Select(new Priority(priority), ServiceTier.Parse(tier));

        Assert.Equal(rule, selected.Name);
        Assert.Equal(rule == "default", selected.IsDefault);
    }

    [Fact]
    public void FindTarget_UsesSelectedRuleOnly()
    {
        Assert.Equal(Duration.FromMinutes(30), Policy.FindTarget(SlaTargetKind.FirstResponse, Priority.P1, Gold)!.Duration);
        Assert.Null(Policy.FindTarget(SlaTargetKind.Resolution, Priority.P1, ServiceTier.Standard));
        Assert.Equal(Duration.FromHours(40), Policy.FindTarget(SlaTargetKind.Resolution, Priority.P4, ServiceTier.Standard)!.Duration);
        Assert.Equal(Office, Policy.FindTarget(SlaTargetKind.NextResponse, Priority.P3, Silver)!.Calendar);
    }

    [Fact]
    public void Build_KeepsDefinitions()
    {
        Assert.Equal("standard-support", Policy.Name);
        Assert.Equal(SlaAgreementKind.ServiceLevelAgreement, Policy.Kind);
        Assert.Equal(["gold-urgent", "urgent", "silver"], Policy.Rules.Select(r => r.Name));
        Assert.Equal([Priority.P1, Priority.P2], Policy.Rules[0].Priorities);
        Assert.Equal([Gold], Policy.Rules[0].Tiers);
        Assert.Empty(Policy.Rules[2].Priorities);
        Assert.Equal([50, 75, 90], Policy.Rules[0].Targets[0].WarningPercentages);
        Assert.Equal("standard-support (ServiceLevelAgreement)", Policy.ToString());
    }

    [Fact]
    public void OperationalLevelAgreement_UsesSameMachinery()
    {
        var ola = new SlaPolicyBuilder("level-2-acceptance", SlaAgreementKind.OperationalLevelAgreement)
            .SetDefault(rule => rule.AddTarget(SlaTargetKind.Parse("escalation-accepted"), Duration.FromHours(4), Office, 50))
            .Build();

        var target = ola.FindTarget(SlaTargetKind.Parse("Escalation-Accepted"), Priority.P3, ServiceTier.Standard);

        Assert.Equal(SlaAgreementKind.OperationalLevelAgreement, ola.Kind);
        Assert.NotNull(target);
        Assert.Equal(Duration.FromHours(4), target.Duration);
    }

    [Fact]
    public void Select_DefaultArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => Policy.Select(default, Gold));
        Assert.Throws<ArgumentException>(() => Policy.Select(Priority.P1, default));
    }

    [Fact]
    public void Build_NoDefault_Reported()
    {
        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(() => new SlaPolicyBuilder("p").Build()).Errors);

        Assert.Equal("policy 'p'", error.Path);
        Assert.Equal("has no default rule", error.Problem);
    }

    [Fact]
    public void Build_EmptyDefault_SelectsNoTargets()
    {
        var policy = new SlaPolicyBuilder("gold-only")
            .AddRule("gold", rule => rule.ForTiers(Gold).AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), Office))
            .SetDefault(_ => { })
            .Build();

        Assert.Empty(policy.Select(Priority.P1, ServiceTier.Standard).Targets);
    }

    [Fact]
    public void Build_ManyProblems_ReportedAtOnce()
    {
        var builder = new SlaPolicyBuilder("9-to-5")
            .AddRule("p3", rule => rule.ForPriorities(Priority.P3).AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), Office))
            .AddRule("p3-gold", rule => rule.ForPriorities(Priority.P3).ForTiers(Gold).AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), Office))
            .AddRule("empty", rule => rule.ForPriorities(Priority.P5))
            .AddRule("Twice", rule => rule
                .ForPriorities(default(Priority))
                .ForTiers(default(ServiceTier))
                .AddTarget(SlaTargetKind.FirstResponse, Duration.Zero, Office, 0, 75, 75)
                .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(2), Office))
            .AddRule("twice", rule => rule.ForPriorities(Priority.P4).AddTarget(SlaTargetKind.Resolution, Duration.FromHours(2), Office))
            .AddRule("slow-first", rule => rule
                .ForPriorities(Priority.P2)
                .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(8), Office)
                .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(4), Office))
            .SetDefault(rule => rule.ForPriorities(Priority.P1).AddTarget(default(SlaTargetKind), Duration.FromHours(1), Office));

        var errors = Assert.Throws<CustomerCareValidationException>(builder.Build).Errors;

        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → name" && e.Problem.StartsWith("is not a valid policy name because", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[1] 'p3-gold'" && e.Problem == "never applies, because rule 'p3' before it matches every concern it would match");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[2] 'empty'" && e.Problem == "has no targets");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[3] 'Twice' → priorities[0]" && e.Problem == "is default(Priority)");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[3] 'Twice' → tiers[0]" && e.Problem == "is default(ServiceTier)");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[3] 'Twice' → targets[0] 'first-response'" && e.Problem == "has a duration that is not positive");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[3] 'Twice' → targets[0] 'first-response' → warnings[0]" && e.Problem == "is outside 1 to 99 percent");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[3] 'Twice' → targets[0] 'first-response' → warnings[2]" && e.Problem == "repeats an earlier warning");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[3] 'Twice' → targets[1] 'first-response'" && e.Problem.StartsWith("repeats the kind of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[4] 'twice'" && e.Problem == "repeats the name of policy '9-to-5' → rules[3] 'Twice'");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → rules[5] 'slow-first'" && e.Problem.StartsWith("promises the first response within", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → default" && e.Problem == "has priority or tier filters");
        Assert.Contains(errors, e => e.Path == "policy '9-to-5' → default → targets[0] ''" && e.Problem == "has no kind");
        Assert.Equal(13, errors.Count);
    }

    [Fact]
    public void Build_NarrowerRuleFirst_IsValid()
    {
        var policy = new SlaPolicyBuilder("ordered")
            .AddRule("gold-p1", rule => rule.ForPriorities(Priority.P1).ForTiers(Gold).AddTarget(SlaTargetKind.FirstResponse, Duration.FromMinutes(15), Office))
            .AddRule("gold", rule => rule.ForTiers(Gold).AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), Office))
            .AddRule("p1", rule => rule.ForPriorities(Priority.P1).AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(2), Office))
            .SetDefault(_ => { })
            .Build();

        Assert.Equal(3, policy.Rules.Count);
    }

    [Fact]
    public void Builder_NullArguments_Throw()
    {
        var builder = new SlaPolicyBuilder("p");

        Assert.Throws<ArgumentNullException>(() => new SlaPolicyBuilder(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddRule(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.AddRule("r", null!));
        Assert.Throws<ArgumentNullException>(() => builder.SetDefault(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddRule("r", rule => rule.AddTarget(SlaTargetKind.Resolution, Duration.FromHours(1), null!)));
        Assert.Throws<ArgumentNullException>(() => builder.AddRule("r", rule => rule.AddTarget(null!)));
        Assert.Throws<ArgumentNullException>(() => builder.AddRule("r", rule => rule.ForPriorities(null!)));
        Assert.Throws<ArgumentNullException>(() => builder.AddRule("r", rule => rule.ForTiers(null!)));
    }
}
