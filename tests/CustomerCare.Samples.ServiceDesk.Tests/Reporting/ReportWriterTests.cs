using CustomerCare.Samples.ServiceDesk.Reporting;

namespace CustomerCare.Samples.ServiceDesk.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "customercare-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Write_Report_ThreeFilesWithFigures()
    {
        var files = ReportWriter.Write(Sample(), _folder);

        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var markdown = File.ReadAllText(Path.Combine(_folder, ReportWriter.MarkdownFile));
        Assert.Contains("| email | 30 | 60.0 % | 12 | 1.20 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| first-response | 8 | 10 | 80.0 % |", markdown, StringComparison.Ordinal);
        var json = File.ReadAllText(Path.Combine(_folder, ReportWriter.JsonFile));
        Assert.Contains("\"firstContactResolution\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Report_InlineSvgWithoutScripts()
    {
        var html = ReportWriter.ToHtml(Sample());

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }

    private static ManagerReport Sample() => new()
    {
        Run = new RunFacts("test source <b>", "in memory", 1, "2026-05-11", "2026-05-17", "Europe/Berlin", 50, 40, 17, 1.5),
        Channels = [new ChannelRow("email", 30, 12, 0.6, 1.2m), new ChannelRow("phone", 20, 0, 0.4, null)],
        SelfService = new Share(10, 40),
        FirstContactResolution = new Share(20, 30),
        Sla = [new SlaRow("first-response", 8, 10, 0.8)],
        Levels = [new LevelRow(1, "First level", 0, null, 20, 5m), new LevelRow(2, "Specialists", 5, 0.17, 5, 12m)],
        Pareto = [new ReasonRow("billing/refund", 12, 0.3, 0.3, true)],
        Costs = new CostSummary("EUR", 100m, 4m, 2.08m, 10, 30m),
        Knowledge = new KnowledgeSummary(5, 1, 3, ["billing/refund"]),
        Ideas = [new IdeaRow("signal-detector", "Reduce refunds", "Refunds grow.")],
        Products = [],
        Reachability = [new ReachabilityRow("email", "always", 168)],
        ReachabilitySummary = "reachable at every hour",
        Input = new InputSummary(0, 0, 0, []),
        Activity = [new ActivityRow("contacts received", 50)],
    };
}
