using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerCare.Core.Tests.Channels;

public class ChannelTests
{
    [Theory]
    [InlineData("phone")]
    [InlineData("letter")]
    [InlineData("fax")]
    [InlineData("email")]
    [InlineData("web")]
    [InlineData("chat")]
    [InlineData("social-media")]
    [InlineData("self-service")]
    public void Parse_WellKnownName_ReturnsWellKnown(string name)
    {
        var channel = Channel.Parse(name);

        Assert.True(channel.IsWellKnown);
        Assert.Contains(channel, Channel.WellKnown);
    }

    [Theory]
    [InlineData("WhatsApp", "whatsapp")]
    [InlineData("  Email ", "email")]
    [InlineData("EMAIL", "email")]
    [InlineData("sms.2way", "sms.2way")]
    [InlineData("x", "x")]
    public void Parse_NormalizesName(string input, string expected)
    {
        Assert.Equal(expected, Channel.Parse(input).Name);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("1800-hotline", "must start with an ASCII letter")]
    [InlineData("social media", "contains ' '")]
    [InlineData("télé", "contains 'é'")]
    [InlineData("a/b", "contains '/'")]
    public void Parse_InvalidName_ThrowsWithReason(string input, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => Channel.Parse(input));

        Assert.Contains($"'{input}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_Throws()
    {
        var name = new string('a', 65);

        var exception = Assert.Throws<FormatException>(() => Channel.Parse(name));

        Assert.Contains("65 characters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostChannel_EqualsParsedAgain()
    {
        var first = Channel.Parse("WhatsApp");
        var second = Channel.Parse("whatsapp");

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.False(first.IsWellKnown);
        Assert.NotEqual(Channel.Chat, first);
    }

    [Fact]
    public void Default_IsEmptyAndNotWellKnown()
    {
        Assert.Equal(string.Empty, default(Channel).Name);
        Assert.False(default(Channel).IsWellKnown);
        Assert.NotEqual(Channel.Email, default);
    }

    [Fact]
    public void Json_HostChannelRoundTrips()
    {
        var record = new Dictionary<Channel, int> { [Channel.Parse("whatsapp")] = 2, [Channel.Email] = 5 };

        var json = JsonSerializer.Serialize(record);
        var back = JsonSerializer.Deserialize<Dictionary<Channel, int>>(json);

        Assert.Equal("{\"whatsapp\":2,\"email\":5}", json);
        Assert.Equal(record, back);
    }

    [Fact]
    public void Json_InvalidName_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Channel>("\"social media\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Channel>("7"));
    }

    [Fact]
    public void Json_Default_CannotBeWritten()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(Channel)));
    }

    [Fact]
    public void CompareTo_IsOrdinal()
    {
        var sorted = Channel.WellKnown.Order().Select(c => c.Name).ToArray();

        Assert.Equal(Channel.WellKnown.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray(), sorted);
        Assert.True(Channel.Chat < Channel.Email);
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 500)]
    public bool ParseToString_RoundTrips(Channel channel)
    {
        return Channel.Parse(channel.ToString()) == channel;
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 500)]
    public bool Json_RoundTrips(Channel channel)
    {
        return JsonSerializer.Deserialize<Channel>(JsonSerializer.Serialize(channel)) == channel;
    }

    [Property(MaxTest = 300)]
    public Property Parse_IgnoresCaseAndWhiteSpace()
    {
        return Prop.ForAll(
            CoreArbitraries.RawName.ToArbitrary(),
            raw => Channel.Parse(raw) == Channel.Parse(raw.Trim().ToUpperInvariant()));
    }
}
