using System.Text.RegularExpressions;

namespace CustomerCare.CompetenceRouting.Tests.Support;

/// <summary>Reads the code blocks of docs/competence-routing.md, so tests keep the documentation's examples true.</summary>
internal static partial class Docs
{
    public static string CompetenceRouting => File.ReadAllText(Path.Combine(FindRoot(), "docs", "competence-routing.md"));

    /// <summary>Returns the code blocks of the given language, in document order.</summary>
    public static IReadOnlyList<string> CodeBlocks(string markdown, string language) =>
        CodeBlock().Matches(markdown).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["code"].Value).ToArray();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerCare.sln above {AppContext.BaseDirectory}. Run the tests from a checkout of the repository.");
    }

    [GeneratedRegex(@"^```(?<language>\w+)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
