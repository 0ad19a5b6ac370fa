using System.Text.Json;
using FsCheck.Xunit;

namespace CustomerCare.Core.Tests.Identifiers;

public class EntityIdTests
{
    private static readonly Guid Sample = Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb");

    [Fact]
    public void ToString_WritesPrefixAndHex()
    {
        Assert.Equal("cus_0192f0c1a2b37c4d8e9f00112233aabb", new CustomerId(Sample).ToString());
        Assert.Equal("itn_0192f0c1a2b37c4d8e9f00112233aabb", new InteractionId(Sample).ToString());
        Assert.Equal("con_0192f0c1a2b37c4d8e9f00112233aabb", new ConcernId(Sample).ToString());
        Assert.Equal("agt_0192f0c1a2b37c4d8e9f00112233aabb", new AgentId(Sample).ToString());
    }

    [Fact]
    public void Constructor_EmptyGuid_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CustomerId(Guid.Empty));

        Assert.Contains("Guid.Empty", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerId.New", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UpperCaseHex_Accepted()
    {
        var id = CustomerId.Parse("cus_0192F0C1A2B37C4D8E9F00112233AABB");

        Assert.Equal(Sample, id.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cus_")]
    [InlineData("con_0192f0c1a2b37c4d8e9f00112233aabb")]
    [InlineData("CUS_0192f0c1a2b37c4d8e9f00112233aabb")]
    [InlineData("cus-0192f0c1a2b37c4d8e9f00112233aabb")]
    [InlineData("cus_0192f0c1-a2b3-7c4d-8e9f-00112233aabb")]
    [InlineData("cus_0192f0c1a2b37c4d8e9f00112233aab")]
    [InlineData("cus_0192f0c1a2b37c4d8e9f00112233aabbc")]
    [InlineData("cus_0192f0c1a2b37c4d8e9f00112233aabg")]
    [InlineData("cus_00000000000000000000000000000000")]
    [InlineData(" cus_0192f0c1a2b37c4d8e9f00112233aabb")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(CustomerId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_OtherKind_ThrowsWithExpectedForm()
    {
        var exception = Assert.Throws<FormatException>(() => CustomerId.Parse("con_0192f0c1a2b37c4d8e9f00112233aabb"));

        Assert.Contains("'con_0192f0c1a2b37c4d8e9f00112233aabb'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'cus_'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => CustomerId.Parse((string)null!));
        Assert.False(CustomerId.TryParse((string?)null, out _));
    }

    [Fact]
    public void New_FollowsCreationInstant()
    {
        var earlier = ConcernId.New(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0));
        var later = ConcernId.New(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 1));

        Assert.True(earlier < later);
        Assert.Equal(7, earlier.Value.Version);
    }

    [Fact]
    public void Json_WritesStringAndDictionaryKeys()
    {
        var id = new AgentId(Sample);
        var map = new Dictionary<AgentId, int> { [id] = 3 };

        Assert.Equal("\"agt_0192f0c1a2b37c4d8e9f00112233aabb\"", JsonSerializer.Serialize(id));
        Assert.Equal("{\"agt_0192f0c1a2b37c4d8e9f00112233aabb\":3}", JsonSerializer.Serialize(map));
        Assert.Equal(map, JsonSerializer.Deserialize<Dictionary<AgentId, int>>(JsonSerializer.Serialize(map)));
    }

    [Theory]
    [InlineData("\"cus_0192f0c1a2b37c4d8e9f00112233aabb\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Json_WrongKindOrToken_Throws(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AgentId>(json));
    }

    [Fact]
    public void Default_IsNotParseableBack()
    {
        Assert.Equal("cus_00000000000000000000000000000000", default(CustomerId).ToString());
        Assert.False(CustomerId.TryParse(default(CustomerId).ToString(), out _));
    }

    [Fact]
    public void SpanFormattable_WritesWithoutAllocatingString()
    {
        ISpanFormattable id = new InteractionId(Sample);
        Span<char> small = stackalloc char[10];
        Span<char> buffer = stackalloc char[40];

        Assert.False(id.TryFormat(small, out var none, default, null));
        Assert.Equal(0, none);
        Assert.True(id.TryFormat(buffer, out var written, default, null));
        Assert.Equal("itn_0192f0c1a2b37c4d8e9f00112233aabb", buffer[..written].ToString());
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 500)]
    public bool ParseFormat_RoundTrips(Guid value)
    {
        var customer = new CustomerId(value);
        var interaction = new InteractionId(value);
        var concern = new ConcernId(value);
        var agent = new AgentId(value);

        return CustomerId.Parse(customer.ToString()) == customer
            && InteractionId.Parse(interaction.ToString()) == interaction
            && ConcernId.Parse(concern.ToString()) == concern
            && AgentId.Parse(agent.ToString()) == agent;
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 500)]
    public bool Json_RoundTrips(Guid value)
    {
        var concern = new ConcernId(value);

        return JsonSerializer.Deserialize<ConcernId>(JsonSerializer.Serialize(concern)) == concern;
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 300)]
    public bool CompareTo_AgreesWithGuidOrder(Guid left, Guid right)
    {
        return Math.Sign(new CustomerId(left).CompareTo(new CustomerId(right))) == Math.Sign(left.CompareTo(right));
    }
}
