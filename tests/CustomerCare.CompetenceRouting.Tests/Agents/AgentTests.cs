using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Agents;

public class AgentTests
{
    [Fact]
    public void Levels_Empty_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Agent(1) with { Levels = [] });

        Assert.Contains("at least one competence level", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skills_Duplicate_ThrowsNamingSkill()
    {
        var exception = Assert.Throws<ArgumentException>(() => Agent(1, skills: "billing:2,Billing:3"));

        Assert.Contains("'billing'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_AreSortedWithoutDuplicates()
    {
        var agent = Agent(1, levels: "2,1,2", skills: "sepa:2,billing:4", languages: "en,de,en");

        Assert.Equal([1, 2], agent.Levels.Select(l => l.Rank));
        Assert.Equal(["billing", "sepa"], agent.Skills.Select(s => s.Skill.Name));
        Assert.Equal(["de", "en"], agent.Languages.Select(l => l.Tag));
    }

    [Fact]
    public void Queries_ReadLevelsSkillsAndLanguages()
    {
        var agent = Agent(1, levels: "1,2", skills: "billing:4", languages: "de");

        Assert.True(agent.WorksAt(CompetenceLevel.SecondLevel));
        Assert.False(agent.WorksAt(CompetenceLevel.ThirdLevel));
        Assert.Equal(4, agent.ProficiencyIn(Skill.Parse("billing")));
        Assert.Equal(0, agent.ProficiencyIn(Skill.Parse("sepa")));
        Assert.True(agent.Serves(Language.Parse("de-AT")));
        Assert.False(agent.Serves(Language.Parse("fr")));
    }

    [Fact]
    public void WithAssignment_AddsLoadOnceAndRestartsIdle()
    {
        var agent = Agent(1, capacity: new AgentCapacity(100, [new(Channel.Chat, 20)]));
        var assignment = new AgentAssignment(ConcernId(1), Channel.Chat, 20, Start);

        var once = agent.WithAssignment(assignment, Start + Duration.FromMinutes(1));
        var twice = once.WithAssignment(assignment, Start + Duration.FromMinutes(2));

        Assert.Equal(20, once.Load);
        Assert.Equal(80, once.FreeUnits);
        Assert.Equal(Start + Duration.FromMinutes(1), once.IdleSince);
        Assert.Same(once, twice);
        Assert.True(once.Holds(ConcernId(1)));
    }

    [Fact]
    public void WithoutAssignment_ReleasesOrReturnsSame()
    {
        var agent = Agent(1).WithAssignment(new AgentAssignment(ConcernId(1), Channel.Phone, 1, Start), Start);

        var released = agent.WithoutAssignment(ConcernId(1), Start + Duration.FromMinutes(5));

        Assert.Equal(0, released.Load);
        Assert.Equal(Start + Duration.FromMinutes(5), released.IdleSince);
        Assert.Same(released, released.WithoutAssignment(ConcernId(1), Start));
    }

    [Fact]
    public void WithPresence_AvailableRestartsIdle()
    {
        var away = Agent(1, Presence.Away);

        var available = away.WithPresence(Presence.Available, Start + Duration.FromHours(1));
        var busy = available.WithPresence(Presence.Busy, Start + Duration.FromHours(2));

        Assert.Equal(Start + Duration.FromHours(1), available.IdleSince);
        Assert.Equal(available.IdleSince, busy.IdleSince);
        Assert.Same(busy, busy.WithPresence(Presence.Busy, Start));
    }

    [Fact]
    public void Presence_Undefined_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Agent(1) with { Presence = (Presence)9 });
    }

    [Fact]
    public void Equality_ComparesContents()
    {
        var first = Agent(1, skills: "billing:4");
        var second = Agent(1, skills: "billing:4");

        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.True(first != Agent(1, skills: "billing:3"));
    }

    [Fact]
    public void ToString_ListsRoutingFacts()
    {
        var text = Agent(1, levels: "2", skills: "billing:4", languages: "de").ToString();

        Assert.Equal($"{AgentId(1)} levels 2; skills billing 4; languages de; Available; load 0 of 1 units", text);
    }
}
