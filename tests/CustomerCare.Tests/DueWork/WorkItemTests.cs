using CustomerCare.DueWork;
using NodaTime;

namespace CustomerCare.Tests.DueWork;

public class WorkItemTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public void Constructor_KeepsValues()
    {
        var item = new WorkItem("sla-warning:con_1:75", "sla.warning", Due, "{}");

        Assert.Equal("sla-warning:con_1:75", item.Key);
        Assert.Equal("sla.warning", item.Kind);
        Assert.Equal(Due, item.DueAt);
        Assert.Equal("{}", item.Payload);
        Assert.Equal("sla.warning sla-warning:con_1:75 due 2026-01-05T09:00:00Z", item.ToString());
    }

    [Theory]
    [InlineData("", "kind")]
    [InlineData(" ", "kind")]
    [InlineData("key\n", "kind")]
    [InlineData("key", "")]
    [InlineData("key", "kind\t")]
    public void Constructor_BadText_Throws(string key, string kind)
    {
        Assert.ThrowsAny<ArgumentException>(() => new WorkItem(key, kind, Due, ""));
    }

    [Fact]
    public void Constructor_TooLongKey_NamesLimit()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WorkItem(new string('k', 201), "kind", Due, ""));

        Assert.Contains("201 characters; the maximum is 200", exception.Message, StringComparison.Ordinal);
        Assert.Equal("key", exception.ParamName);
    }

    [Fact]
    public void Constructor_NullPayload_Throws()
    {
        Assert.Equal("payload", Assert.Throws<ArgumentNullException>(() => new WorkItem("k", "kind", Due, null!)).ParamName);
    }

    [Fact]
    public void Equality_ComparesEveryProperty()
    {
        var item = new WorkItem("k", "kind", Due, "{}");

        Assert.Equal(new WorkItem("k", "kind", Due, "{}"), item);
        Assert.True(item == new WorkItem("k", "kind", Due, "{}"));
        Assert.NotEqual(new WorkItem("k", "kind", Due, "{\"a\":1}"), item);
        Assert.NotEqual(new WorkItem("k", "kind", Due + Duration.FromTicks(10), "{}"), item);
        Assert.True(item != new WorkItem("k", "other", Due, "{}"));
    }

    [Fact]
    public void LeasedWorkItem_RejectsBadValues()
    {
        var item = new WorkItem("k", "kind", Due, "");

        Assert.Throws<ArgumentOutOfRangeException>(() => new LeasedWorkItem(item, "w1", Due, 0));
        Assert.Throws<ArgumentException>(() => new LeasedWorkItem(item, " ", Due, 1));
        Assert.Equal("kind k due 2026-01-05T09:00:00Z leased by w1 until 2026-01-05T09:00:00Z (attempt 1)", new LeasedWorkItem(item, "w1", Due, 1).ToString());
    }
}
