using System.Text.Json;
using CustomerCare.CompetenceRouting.Agents;

namespace CustomerCare.CompetenceRouting.Tests.Agents;

public class SkillTests
{
    [Theory]
    [InlineData("billing", "billing")]
    [InlineData("  SEPA-Mandates ", "sepa-mandates")]
    [InlineData("product.router_x200", "product.router_x200")]
    public void Parse_ValidName_Normalizes(string text, string expected)
    {
        Assert.Equal(expected, Skill.Parse(text).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1billing")]
    [InlineData("bill ing")]
    public void Parse_InvalidName_ThrowsWithValueAndExample(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Skill.Parse(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'billing'", exception.Message, StringComparison.Ordinal);
        Assert.False(Skill.TryParse(text, out _));
    }

    [Fact]
    public void Equality_IgnoresCase()
    {
        Assert.True(Skill.Parse("Billing") == Skill.Parse("billing"));
        Assert.True(Skill.Parse("a") < Skill.Parse("b"));
        Assert.NotEqual(Skill.Parse("a"), default);
    }

    [Fact]
    public void Json_WritesName()
    {
        Assert.Equal("\"billing\"", JsonSerializer.Serialize(Skill.Parse("Billing")));
        Assert.Equal(Skill.Parse("sepa"), JsonSerializer.Deserialize<Skill>("\"SEPA\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Skill>("\"9x\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(Skill)));
    }
}
