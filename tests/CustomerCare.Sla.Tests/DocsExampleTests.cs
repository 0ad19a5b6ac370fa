using System.Text.RegularExpressions;
using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using NodaTime;

namespace CustomerCare.Sla.Tests;

/// <summary>Keeps the JSON examples and error messages shown in docs/sla.md true.</summary>
public partial class DocsExampleTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(FindRoot(), "docs", "sla.md")).ReplaceLineEndings("\n");

    [Fact]
    public void JsonExamples_Parse()
    {
        var blocks = Blocks("json");

        Assert.Equal(2, blocks.Length);
        Assert.All(blocks, block => BusinessCalendarJson.Parse(block));
        Assert.True(BusinessCalendarJson.Parse(blocks[1]).IsAlwaysOpen);
    }

    [Fact]
    public void JsonErrorExample_MatchesMessages()
    {
        var documented = Blocks("text").Single(block => block.StartsWith("$.color", StringComparison.Ordinal)).Split('\n');
        var exception = Assert.Throws<CustomerCareValidationException>(() => BusinessCalendarJson.Parse("""
            {
              "id": "berlin-support",
              "timeZone": "Europe/Nowhere",
              "weekly": { "monday": ["08:00-12:00", "bad"] },
              "color": "blue"
            }
            """));

        Assert.Equal(documented, exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void BuilderErrorExample_MatchesMessage()
    {
        var documented = Blocks("text").Single(block => block.StartsWith("calendar 'berlin-support'", StringComparison.Ordinal));
        var builder = new BusinessCalendarBuilder("berlin-support", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Monday, LocalTimeRange.Parse("11:00-14:00"));

        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(builder.Build).Errors);

        Assert.Equal(documented, error.ToString());
    }

    private static string[] Blocks(string language) =>
        [.. CodeBlock().Matches(Docs).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value.TrimEnd('\n'))];

    private static string FindRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CustomerCare.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        return root;
    }

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
