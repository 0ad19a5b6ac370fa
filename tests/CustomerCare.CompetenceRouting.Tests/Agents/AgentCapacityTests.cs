using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Tests.Agents;

public class AgentCapacityTests
{
    private static readonly AgentCapacity CallOrFiveChats = new(100, [new(Channel.Phone, 100), new(Channel.Chat, 20)]);

    [Fact]
    public void CostOf_ServedAndUnservedChannels()
    {
        Assert.Equal(100, CallOrFiveChats.CostOf(Channel.Phone));
        Assert.Equal(20, CallOrFiveChats.CostOf(Channel.Chat));
        Assert.Equal(0, CallOrFiveChats.CostOf(Channel.Email));
        Assert.True(CallOrFiveChats.Serves(Channel.Chat));
        Assert.False(CallOrFiveChats.Serves(Channel.Letter));
    }

    [Fact]
    public void Costs_SortedByChannel()
    {
        Assert.Equal([Channel.Chat, Channel.Phone], CallOrFiveChats.Costs.Select(c => c.Key));
        Assert.Equal("100 units: chat 20, phone 100", CallOrFiveChats.ToString());
    }

    [Fact]
    public void Constructor_CostAboveUnits_ThrowsNamingChannel()
    {
        var exception = Assert.Throws<ArgumentException>(() => new AgentCapacity(10, [new(Channel.Phone, 11)]));

        Assert.Contains("'phone'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("11", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentCapacity(0, []));
        Assert.Throws<ArgumentException>(() => new AgentCapacity(10, [new(Channel.Phone, 1), new(Channel.Phone, 2)]));
        Assert.Throws<ArgumentException>(() => new AgentCapacity(10, [new(default, 1)]));
        Assert.Throws<ArgumentException>(() => new AgentCapacity(10, [new(Channel.Chat, 0)]));
    }

    [Fact]
    public void OneAtATime_OneUnitEach()
    {
        var capacity = AgentCapacity.OneAtATime(Channel.Email, Channel.Phone);

        Assert.Equal(1, capacity.Units);
        Assert.Equal(1, capacity.CostOf(Channel.Email));
        Assert.Equal(1, capacity.CostOf(Channel.Phone));
    }

    [Fact]
    public void WithChannel_ReplacesOrAdds()
    {
        var changed = CallOrFiveChats.WithChannel(Channel.Chat, 25).WithChannel(Channel.Email, 10);

        Assert.Equal(25, changed.CostOf(Channel.Chat));
        Assert.Equal(10, changed.CostOf(Channel.Email));
        Assert.Equal(20, CallOrFiveChats.CostOf(Channel.Chat));
    }

    [Fact]
    public void Equality_ByUnitsAndCosts()
    {
        var same = new AgentCapacity(100, [new(Channel.Chat, 20), new(Channel.Phone, 100)]);

        Assert.True(same == CallOrFiveChats);
        Assert.Equal(same.GetHashCode(), CallOrFiveChats.GetHashCode());
        Assert.True(same != CallOrFiveChats.WithChannel(Channel.Chat, 25));
        Assert.False(same == null);
    }
}
