using System.Text.Json;
using CustomerCare.CompetenceRouting.Agents;

namespace CustomerCare.CompetenceRouting.Tests.Agents;

public class LanguageTests
{
    [Theory]
    [InlineData("de", "de", "de")]
    [InlineData(" de-AT ", "de-at", "de")]
    [InlineData("zh_Hant_TW", "zh-hant-tw", "zh")]
    [InlineData("gsw", "gsw", "gsw")]
    public void Parse_ValidTag_Normalizes(string text, string tag, string primary)
    {
        var language = Language.Parse(text);

        Assert.Equal(tag, language.Tag);
        Assert.Equal(primary, language.PrimarySubtag);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("d", "primary subtag has 1 letters")]
    [InlineData("de-", "subtag 2 has 0 characters")]
    [InlineData("d3", "primary subtag contains '3'")]
    [InlineData("de-a$", "subtag 2 contains '$'")]
    [InlineData("de-abcdefghi", "subtag 2 has 9 characters")]
    public void Parse_InvalidTag_SaysWhichRule(string text, string rule)
    {
        var exception = Assert.Throws<FormatException>(() => Language.Parse(text));

        Assert.Contains(rule, exception.Message, StringComparison.Ordinal);
        Assert.False(Language.TryParse(text, out _));
    }

    [Theory]
    [InlineData("de", "de", true)]
    [InlineData("de", "de-AT", true)]
    [InlineData("de-AT", "de", true)]
    [InlineData("de-AT", "de-CH", false)]
    [InlineData("zh-Hant", "zh-Hans", false)]
    [InlineData("en", "es", false)]
    [InlineData("de", "den", false)]
    public void Covers_Table(string served, string requested, bool expected)
    {
        Assert.Equal(expected, Language.Parse(served).Covers(Language.Parse(requested)));
    }

    [Fact]
    public void Covers_Default_IsFalse()
    {
        Assert.False(default(Language).Covers(Language.Parse("de")));
        Assert.False(Language.Parse("de").Covers(default));
    }

    [Fact]
    public void Json_WritesTag()
    {
        Assert.Equal("\"de-at\"", JsonSerializer.Serialize(Language.Parse("de-AT")));
        Assert.Equal(Language.Parse("en"), JsonSerializer.Deserialize<Language>("\"EN\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Language>("\"e\""));
    }
}
