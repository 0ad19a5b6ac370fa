using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Kvp.Reporting;

namespace CustomerCare.Kvp.Tests.Reporting;

public class ProductFeedbackRendererTests
{
    private readonly History _history = new();

    [Fact]
    public void ToJson_RoundTrips()
    {
        var report = BuildReport();

        var json = ProductFeedbackRenderer.ToJson(report);
        var back = ProductFeedbackRenderer.FromJson(json);

        Assert.Contains("\"product\": \"billing\"", json, StringComparison.Ordinal);
        Assert.Equal(report.Concerns, back.Concerns);
        Assert.Equal(report.From, back.From);
        Assert.Equal(report.Reasons.Select(r => r.Reason), back.Reasons.Select(r => r.Reason));
        Assert.Equal(report.Ideas.Single().State, back.Ideas.Single().State);
    }

    [Fact]
    public void ToMarkdown_HasReasonTableAndNotes()
    {
        var markdown = ProductFeedbackRenderer.ToMarkdown(BuildReport());

        Assert.Contains("| billing/refund | 3 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Pays by invoice \\| monthly (1×)", markdown, StringComparison.Ordinal);
        Assert.Contains("Refund form", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SelfContainedWithThreeChartsAndEscaping()
    {
        var html = ProductFeedbackRenderer.ToHtml(BuildReport());

        Assert.Equal(3, html.Split("<svg ").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Trend_ComparesHalvesOfOpeningDates()
    {
        // Refunds open on days 0 to 2 and invoices on days 3 and 4; the last resolution is weeks later and must not
        // stretch the range. Halves of two days: refunds 2 then 0, invoices 0 then 2.
        var report = BuildReport(lateResolution: true);

        Assert.Equal(-100, report.Reasons.Single(r => r.Reason == "billing/refund").TrendPercent);
        Assert.Null(report.Reasons.Single(r => r.Reason == "billing/invoice").TrendPercent);
    }

    [Fact]
    public void Build_ReasonWithTwoSegments_Throws()
    {
        var snapshot = new KvpMetricsAccumulator(new KvpMetricsOptions()).Snapshot(History.Monday);

        Assert.Throws<ArgumentException>(() => ProductFeedbackReportBuilder.Build(snapshot, ContactReason.Parse("billing/refund"), []));
    }

    private ProductFeedbackReport BuildReport(bool lateResolution = false)
    {
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions { BusinessCalendar = OfficeHoursCalendar.Utc });
        for (var i = 0; i < 5; i++)
        {
            var concern = _history.NewConcern();
            metrics.Add(History.Opened(concern, i * 24, reason: i < 3 ? "billing/refund" : "billing/invoice"));
            metrics.Add(History.CustomerMessage(concern, i * 24) with { UsageNote = i == 0 ? "Pays by invoice | monthly" : i == 1 ? "<b>bold</b>" : null });
            metrics.Add(ConcernEvent.Resolved(concern, History.At((i * 24) + (lateResolution && i == 4 ? 600 : 2))));
            metrics.Add(new SlaOutcomeRecord(concern, "resolution", i == 4 ? SlaOutcome.Breached : SlaOutcome.Met, History.At((i * 24) + 2)));
        }

        var idea = ImprovementIdea.Submit(new IdeaId(new Guid("00000000-0000-7000-8000-000000000007")), "Refund form", "Make it easy to find.", "agt_1", History.Monday)
            .WithTarget(ContactReason.Parse("billing/refund"), Kvp.Effects.ImprovementMetric.ContactVolume);
        return ProductFeedbackReportBuilder.Build(metrics.Snapshot(History.At(30 * 24)), ContactReason.Parse("billing"), [idea]);
    }
}
