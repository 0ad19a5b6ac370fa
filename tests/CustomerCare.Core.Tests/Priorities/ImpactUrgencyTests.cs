using System.Text.Json;

namespace CustomerCare.Core.Tests.Priorities;

public class ImpactUrgencyTests
{
    [Theory]
    [InlineData("high", 1)]
    [InlineData("Medium", 2)]
    [InlineData("LOW", 3)]
    [InlineData("4", 4)]
    [InlineData(" 9 ", 9)]
    public void Parse_NameOrLevel(string text, int level)
    {
        Assert.Equal(level, Impact.Parse(text).Level);
        Assert.Equal(level, Urgency.Parse(text).Level);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("critical")]
    [InlineData("-1")]
    public void Parse_Invalid_Throws(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Impact.Parse(text));

        Assert.Contains("'high', 'medium', 'low'", exception.Message, StringComparison.Ordinal);
        Assert.False(Urgency.TryParse(text, out _));
    }

    [Fact]
    public void ToString_NamesFirstThreeLevels()
    {
        Assert.Equal("High", Impact.High.ToString());
        Assert.Equal("Medium", Urgency.Medium.ToString());
        Assert.Equal("Low", Impact.Low.ToString());
        Assert.Equal("4", new Urgency(4).ToString());
    }

    [Fact]
    public void Json_WritesLevelAndReadsNames()
    {
        Assert.Equal("1", JsonSerializer.Serialize(Impact.High));
        Assert.Equal(Urgency.Low, JsonSerializer.Deserialize<Urgency>("\"low\""));
        Assert.Equal(new Impact(4), JsonSerializer.Deserialize<Impact>("4"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Impact>("0"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Impact>("\"severe\""));
    }
}
