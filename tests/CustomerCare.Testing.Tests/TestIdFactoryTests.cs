using CustomerCare.Core;

namespace CustomerCare.Testing.Tests;

public class TestIdFactoryTests
{
    [Fact]
    public void Next_IsDeterministicPerKind()
    {
        var ids = new TestIdFactory();

        Assert.Equal("cus_00000000000070008000000000000001", ids.NextCustomerId().ToString());
        Assert.Equal("cus_00000000000070008000000000000002", ids.NextCustomerId().ToString());
        Assert.Equal("con_00000000000070008000000000000001", ids.NextConcernId().ToString());
        Assert.Equal("itn_00000000000070008000000000000001", ids.NextInteractionId().ToString());
        Assert.Equal("agt_00000000000070008000000000000001", ids.NextAgentId().ToString());
    }

    [Fact]
    public void Next_SortsInCreationOrder()
    {
        var ids = new TestIdFactory();
        var created = Enumerable.Range(0, 300).Select(_ => ids.NextConcernId()).ToArray();

        Assert.Equal(created, created.Order().ToArray());
    }

    [Fact]
    public void Next_Concurrent_AllDistinct()
    {
        var ids = new TestIdFactory();
        var bag = new System.Collections.Concurrent.ConcurrentBag<CustomerId>();

        Parallel.For(0, 10_000, _ => bag.Add(ids.NextCustomerId()));

        Assert.Equal(10_000, bag.Distinct().Count());
    }

    [Fact]
    public void ValueFor_HasVersion7Layout()
    {
        var value = TestIdFactory.ValueFor(258);

        Assert.Equal(7, value.Version);
        Assert.Equal("00000000-0000-7000-8000-000000000102", value.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => TestIdFactory.ValueFor(0));
    }
}
