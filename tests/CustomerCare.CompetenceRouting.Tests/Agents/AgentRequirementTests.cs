using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Agents;

public class AgentRequirementTests
{
    private static readonly AgentRequirement Requirement = new()
    {
        Level = CompetenceLevel.SecondLevel,
        Channel = Channel.Phone,
        Skills = [new SkillRequirement(Skill.Parse("billing"), 3), new SkillRequirement(Skill.Parse("sepa"), 2)],
        Language = Language.Parse("de"),
    };

    public static TheoryData<string, Agent, ExclusionReason> Cases => new()
    {
        { "eligible", Agent(1, levels: "2", skills: "billing:3,sepa:2"), ExclusionReason.None },
        { "wrong level", Agent(1, levels: "1", skills: "billing:3,sepa:2"), ExclusionReason.WrongLevel },
        { "wrong level before offline", Agent(1, Presence.Offline, levels: "1"), ExclusionReason.WrongLevel },
        { "offline", Agent(1, Presence.Offline, levels: "2"), ExclusionReason.Offline },
        { "away", Agent(1, Presence.Away, levels: "2"), ExclusionReason.Away },
        { "busy", Agent(1, Presence.Busy, levels: "2"), ExclusionReason.Busy },
        { "skill missing", Agent(1, levels: "2", skills: "billing:5"), ExclusionReason.SkillMissing },
        { "missing before below, whatever the order", Agent(1, levels: "2", skills: "billing:1"), ExclusionReason.SkillMissing },
        { "skill below minimum", Agent(1, levels: "2", skills: "billing:2,sepa:5"), ExclusionReason.SkillBelowMinimum },
        { "wrong language", Agent(1, levels: "2", skills: "billing:3,sepa:2", languages: "fr"), ExclusionReason.WrongLanguage },
        { "channel not served", Agent(1, levels: "2", skills: "billing:3,sepa:2", capacity: AgentCapacity.OneAtATime(Channel.Email)), ExclusionReason.ChannelNotServed },
        { "no capacity", Agent(1, levels: "2", skills: "billing:3,sepa:2", capacity: new AgentCapacity(2, [new(Channel.Phone, 2), new(Channel.Chat, 1)])).WithAssignment(new AgentAssignment(ConcernId(9), Channel.Chat, 1, Start), Start), ExclusionReason.NoCapacity },
        { "no free units before skills", Agent(1, levels: "2", skills: "sepa:1").WithAssignment(new AgentAssignment(ConcernId(9), Channel.Phone, 1, Start), Start), ExclusionReason.NoCapacity },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_FirstReasonInCheckOrder(string because, Agent agent, ExclusionReason expected)
    {
        Assert.True(Requirement.Evaluate(agent).Reason == expected, because);
    }

    [Fact]
    public void Evaluate_PreferredAgentOnly_ExcludesOthersFirst()
    {
        var preferred = Requirement with { PreferredAgent = AgentId(2) };

        Assert.Equal(ExclusionReason.NotPreferredAgent, preferred.Evaluate(Agent(1, Presence.Offline, levels: "1")).Reason);
        Assert.Equal(ExclusionReason.None, preferred.Evaluate(Agent(2, levels: "2", skills: "billing:3,sepa:2")).Reason);
    }

    [Fact]
    public void Evaluate_RejectedBefore_ExcludedLast()
    {
        var requirement = Requirement with { ExcludedAgents = [AgentId(1)] };

        Assert.Equal(ExclusionReason.RejectedOffer, requirement.Evaluate(Agent(1, levels: "2", skills: "billing:3,sepa:2")).Reason);
        Assert.Equal(ExclusionReason.Offline, requirement.Evaluate(Agent(1, Presence.Offline, levels: "2")).Reason);
    }

    [Fact]
    public void Evaluate_NoLanguageRequired_AnyLanguageServes()
    {
        var requirement = Requirement with { Language = null };

        Assert.True(requirement.Evaluate(Agent(1, levels: "2", skills: "billing:3,sepa:2", languages: "")).IsEligible);
    }

    [Fact]
    public void Describe_GivesNumbersBehindReason()
    {
        var below = Requirement.Evaluate(Agent(1, levels: "2", skills: "billing:2,sepa:5"));
        var shortOfCost = Requirement.Evaluate(Agent(1, levels: "2", skills: "billing:3,sepa:2", capacity: new AgentCapacity(3, [new(Channel.Phone, 2), new(Channel.Chat, 1)]))
            .WithAssignment(new AgentAssignment(ConcernId(9), Channel.Chat, 1, Start), Start)
            .WithAssignment(new AgentAssignment(ConcernId(8), Channel.Chat, 1, Start), Start));
        var full = Requirement.Evaluate(Agent(1, levels: "2").WithAssignment(new AgentAssignment(ConcernId(9), Channel.Phone, 1, Start), Start));

        Assert.Equal("skill 'billing' proficiency 2 is below the minimum 3", below.Describe(Requirement));
        Assert.Equal("no capacity on channel 'phone': 1 units free, a concern costs 2", shortOfCost.Describe(Requirement));
        Assert.Equal("no capacity: 0 units free", full.Describe(Requirement));
    }

    [Fact]
    public void ToString_DescribesRequirement()
    {
        Assert.Equal("level 2 (Specialists), skills billing ≥ 3, sepa ≥ 2, language de, channel phone", Requirement.ToString());
    }

    [Fact]
    public void Skills_Duplicate_Throws()
    {
        Assert.Throws<ArgumentException>(() => Requirement with { Skills = [new(Skill.Parse("a")), new(Skill.Parse("a"), 2)] });
    }

    [Fact]
    public void Evaluate_IdleTimeDoesNotMatter()
    {
        var agent = Agent(1, levels: "2", skills: "billing:3,sepa:2", idleSince: Start + Duration.FromDays(3));

        Assert.True(Requirement.Evaluate(agent).IsEligible);
    }
}
