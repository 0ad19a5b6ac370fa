namespace CustomerCare.Sop.Tests;

/// <summary>
/// Keeps docs/procedures/ in step with the shipped procedures. After changing a procedure, run the tests once with
/// CUSTOMERCARE_UPDATE_DIAGRAMS=1 to rewrite the files, and review the diff.
/// </summary>
public class ProcedureDiagramTests
{
    public static TheoryData<string, string> ShippedDiagrams => new()
    {
        { "itil-lifecycle.mmd", ProcedureDiagram.ToMermaid(DefaultLifecycle.Definition) },
        { "itil-lifecycle.dot", ProcedureDiagram.ToDot(DefaultLifecycle.Definition) },
    };

    [Theory]
    [MemberData(nameof(ShippedDiagrams))]
    public void ShippedDiagram_MatchesDefinition(string file, string generated)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "procedures", file);
        if (Environment.GetEnvironmentVariable("CUSTOMERCARE_UPDATE_DIAGRAMS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing. Run the tests with CUSTOMERCARE_UPDATE_DIAGRAMS=1 to generate it.");
        Assert.True(
            File.ReadAllText(path) == generated,
            $"{file} has drifted from the definition. Run the tests with CUSTOMERCARE_UPDATE_DIAGRAMS=1 to regenerate it, and review the diff.");
    }

    [Fact]
    public void ToMermaid_ShowsHierarchyGuardsAndLoops()
    {
        var mermaid = ProcedureDiagram.ToMermaid(DefaultLifecycle.Definition);

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("state active {", mermaid, StringComparison.Ordinal);
        Assert.Contains(DefaultLifecycle.WithinReopenWindowGuard, mermaid, StringComparison.Ordinal);
        Assert.Contains("resolved --> closed : auto-close", mermaid, StringComparison.Ordinal);
        Assert.Contains("[*] --> new", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDot_ShowsIntentsAsActions()
    {
        var dot = ProcedureDiagram.ToDot(DefaultLifecycle.Definition);

        Assert.StartsWith("digraph", dot, StringComparison.Ordinal);
        Assert.Contains("pause-sla-clock resolution", dot, StringComparison.Ordinal);
        Assert.Contains("subgraph \"cluster", dot, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No CustomerCare.sln above {AppContext.BaseDirectory}.");
    }
}
