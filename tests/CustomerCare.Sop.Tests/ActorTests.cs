using CustomerCare.Core;

namespace CustomerCare.Sop.Tests;

public class ActorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("agent 7")]
    [InlineData("tab\tinside")]
    public void Constructor_Invalid_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => new Actor(id));
    }

    [Fact]
    public void Constructor_TooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Actor(new string('a', Actor.MaxLength + 1)));
        Assert.Equal(Actor.MaxLength, new Actor(new string('a', Actor.MaxLength)).Id.Length);
    }

    [Fact]
    public void Factories_UseFormattedIds()
    {
        var agent = new AgentId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb"));

        Assert.Equal("agt_0192f0c1a2b37c4d8e9f00112233aabb", Actor.FromAgent(agent).Id);
        Assert.StartsWith("cus_", Actor.FromCustomer(new CustomerId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb"))).Id, StringComparison.Ordinal);
        Assert.True(Actor.System.IsSystem);
        Assert.True(default(Actor).IsDefault);
        Assert.Equal(string.Empty, default(Actor).Id);
    }

    [Fact]
    public void Equality_ByIdOrdinal()
    {
        Assert.Equal(new Actor("agt_1"), new Actor("agt_1"));
        Assert.True(new Actor("agt_1") != new Actor("AGT_1"));
        Assert.Equal(new Actor("x").GetHashCode(), new Actor("x").GetHashCode());
        Assert.Equal("agt_1", new Actor("agt_1").ToString());
    }

    [Fact]
    public void Default_RejectedByOperations()
    {
        Assert.Throws<ArgumentException>(() => new TriggerRequest("go", default));
        Assert.Throws<ArgumentException>(() => new StepRecord("s", StepStatus.Completed, default, SopTestBed.Monday));
    }
}
