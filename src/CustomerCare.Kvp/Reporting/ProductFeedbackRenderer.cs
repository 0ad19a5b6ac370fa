using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerCare.Kvp.Metrics;

namespace CustomerCare.Kvp.Reporting;

/// <summary>Renders product feedback reports as JSON, Markdown and a self-contained HTML page with inline SVG charts.</summary>
/// <remarks>
/// The JSON uses System.Text.Json with source-generated metadata, camel-case names, enums as strings and ISO 8601
/// dates. The HTML page needs no network: its styles and its charts (the contact-reason Pareto, the backlog over time
/// and the SLA attainment) are inline. This class is stateless and thread-safe.
/// </remarks>
public static class ProductFeedbackRenderer
{
    /// <summary>Serializes a report as indented JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(ProductFeedbackReport report) =>
        JsonSerializer.Serialize(Guard.NotNull(report), ReportJsonContext.Default.ProductFeedbackReport);

    /// <summary>Serializes several reports as one indented JSON array.</summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> is null.</exception>
    public static string ToJson(IReadOnlyList<ProductFeedbackReport> reports) =>
        JsonSerializer.Serialize(Guard.NotNull(reports), ReportJsonContext.Default.IReadOnlyListProductFeedbackReport);

    /// <summary>Reads a report back from the JSON that <see cref="ToJson(ProductFeedbackReport)"/> writes.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not a report.</exception>
    public static ProductFeedbackReport FromJson(string json) =>
        JsonSerializer.Deserialize(Guard.NotNull(json), ReportJsonContext.Default.ProductFeedbackReport)
            ?? throw new JsonException("The JSON is null, not a product feedback report.");

    /// <summary>Renders a report as Markdown with tables.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(ProductFeedbackReport report)
    {
        Guard.NotNull(report);

        var md = new StringBuilder();
        md.AppendLine(Invariant($"# Product feedback: {report.Product}"));
        md.AppendLine();
        md.AppendLine(Invariant($"Data from {FormatDate(report.From)} to {FormatDate(report.To)}, as of {report.AsOf}."));
        md.AppendLine();
        md.AppendLine("| Figure | Value |");
        md.AppendLine("| --- | ---: |");
        md.AppendLine(Invariant($"| Concerns | {report.Concerns} |"));
        md.AppendLine(Invariant($"| Customer contacts | {report.Contacts} |"));
        md.AppendLine(Invariant($"| First-contact resolution | {report.FirstContactResolution} |"));
        md.AppendLine(Invariant($"| CSAT | {report.Csat} |"));
        md.AppendLine(Invariant($"| Bad records in the history | {report.BadRecords} |"));
        md.AppendLine();

        md.AppendLine("## Contact reasons");
        md.AppendLine();
        md.AppendLine("| Reason | Concerns | Share | Cumulative | Vital few | Trend | FCR | CSAT |");
        md.AppendLine("| --- | ---: | ---: | ---: | :---: | ---: | ---: | ---: |");
        foreach (var row in report.Reasons)
        {
            md.AppendLine(Invariant(
                $"| {EscapeMarkdown(row.Reason)} | {row.Concerns} | {row.Share:P1} | {row.CumulativeShare:P1} | {(row.IsVitalFew ? "yes" : "")} | {FormatTrend(row.TrendPercent)} | {row.FirstContactResolution} | {row.Csat} |"));
        }

        md.AppendLine();
        md.AppendLine("## SLA attainment");
        md.AppendLine();
        if (report.SlaTargets.Count == 0)
        {
            md.AppendLine("No SLA outcomes were recorded for this product.");
        }
        else
        {
            md.AppendLine("| Target | Attainment | Pending reports |");
            md.AppendLine("| --- | ---: | ---: |");
            foreach (var target in report.SlaTargets)
            {
                md.AppendLine(Invariant($"| {EscapeMarkdown(target.Target)} | {target.Attainment} | {target.PendingReports} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("## Backlog");
        md.AppendLine();
        AppendBacklogSummary(md, report.Backlog);

        md.AppendLine();
        md.AppendLine("## How and why the product is used");
        md.AppendLine();
        if (report.UsageNotes.Count == 0)
        {
            md.AppendLine("No usage notes were tagged on interactions about this product.");
        }
        else
        {
            foreach (var note in report.UsageNotes)
            {
                md.AppendLine(Invariant($"- {EscapeMarkdown(note.Note)} ({note.Count}×)"));
            }
        }

        md.AppendLine();
        md.AppendLine("## Linked improvement ideas");
        md.AppendLine();
        if (report.Ideas.Count == 0)
        {
            md.AppendLine("No improvement idea targets this product yet.");
        }
        else
        {
            foreach (var idea in report.Ideas)
            {
                md.AppendLine(Invariant($"- {EscapeMarkdown(idea.Title)} ({idea.State}, {idea.Id})"));
            }
        }

        return md.ToString();
    }

    /// <summary>Renders a report as a self-contained HTML page with inline SVG charts.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToHtml(ProductFeedbackReport report)
    {
        Guard.NotNull(report);

        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine(Invariant($"<title>Product feedback: {Encode(report.Product)}</title>"));
        html.AppendLine("<style>");
        html.AppendLine("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}");
        html.AppendLine("h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}");
        html.AppendLine(".tiles{display:flex;gap:1rem;flex-wrap:wrap}.tile{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}");
        html.AppendLine(".tile b{display:block;font-size:1.4rem}table{border-collapse:collapse;width:100%;font-size:.9rem}");
        html.AppendLine("td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}");
        html.AppendLine(".vital{background:#fff4e0}.up{color:#b00}.down{color:#070}svg{max-width:100%;height:auto}");
        html.AppendLine("</style></head><body>");
        html.AppendLine(Invariant($"<h1>Product feedback: {Encode(report.Product)}</h1>"));
        html.AppendLine(Invariant($"<p>Data from {FormatDate(report.From)} to {FormatDate(report.To)}, as of {Encode(report.AsOf.ToString())}.</p>"));
        html.AppendLine("<div class=\"tiles\">");
        AppendTile(html, "Concerns", report.Concerns.ToString(CultureInfo.InvariantCulture));
        AppendTile(html, "Customer contacts", report.Contacts.ToString(CultureInfo.InvariantCulture));
        AppendTile(html, "First-contact resolution", FormatPercent(report.FirstContactResolution));
        AppendTile(html, "CSAT", FormatPercent(report.Csat));
        html.AppendLine("</div>");

        html.AppendLine("<h2>Why customers contact us (Pareto)</h2>");
        html.AppendLine(SvgCharts.Pareto(report.Reasons));
        html.AppendLine("<table><tr><th>Reason</th><th>Concerns</th><th>Share</th><th>Cumulative</th><th>Trend</th><th>FCR</th><th>CSAT</th></tr>");
        foreach (var row in report.Reasons)
        {
            var trendClass = row.TrendPercent is > 0 ? "up" : row.TrendPercent is < 0 ? "down" : string.Empty;
            html.AppendLine(Invariant(
                $"<tr{(row.IsVitalFew ? " class=\"vital\"" : "")}><td>{Encode(row.Reason)}</td><td>{row.Concerns}</td><td>{row.Share:P1}</td><td>{row.CumulativeShare:P1}</td><td class=\"{trendClass}\">{FormatTrend(row.TrendPercent)}</td><td>{FormatPercent(row.FirstContactResolution)}</td><td>{FormatPercent(row.Csat)}</td></tr>"));
        }

        html.AppendLine("</table><p>Highlighted rows are the vital few that together reach 80 % of the concerns.</p>");
        html.AppendLine("<h2>Backlog over time</h2>");
        html.AppendLine(SvgCharts.Backlog(report.Backlog));
        html.AppendLine("<h2>SLA attainment</h2>");
        html.AppendLine(SvgCharts.SlaAttainment(report.SlaTargets));

        html.AppendLine("<h2>How and why the product is used</h2>");
        AppendList(html, report.UsageNotes.Select(n => Invariant($"{Encode(n.Note)} ({n.Count}×)")), "No usage notes were tagged on interactions about this product.");
        html.AppendLine("<h2>Linked improvement ideas</h2>");
        AppendList(html, report.Ideas.Select(i => Invariant($"{Encode(i.Title)} ({i.State})")), "No improvement idea targets this product yet.");
        html.AppendLine(Invariant($"<p><small>{report.BadRecords} bad records in the history were counted and left out where they could not be used.</small></p>"));
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendBacklogSummary(StringBuilder md, IReadOnlyList<BacklogPoint> backlog)
    {
        if (backlog.Count == 0)
        {
            md.AppendLine("No concerns were recorded for this product.");
            return;
        }

        var peak = backlog.MaxBy(p => p.Open);
        var last = backlog[^1];
        md.AppendLine(Invariant(
            $"{backlog.Sum(p => p.Created)} created and {backlog.Sum(p => p.Resolved)} resolved over {backlog.Count} days; {last.Open} unresolved on {last.Date:uuuu-MM-dd}, the peak was {peak.Open} on {peak.Date:uuuu-MM-dd}."));
    }

    private static void AppendTile(StringBuilder html, string label, string value) =>
        html.AppendLine(Invariant($"<div class=\"tile\">{Encode(label)}<b>{Encode(value)}</b></div>"));

    private static void AppendList(StringBuilder html, IEnumerable<string> items, string empty)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            html.AppendLine(Invariant($"<p>{Encode(empty)}</p>"));
            return;
        }

        html.AppendLine("<ul>");
        foreach (var item in list)
        {
            html.AppendLine(Invariant($"<li>{item}</li>"));
        }

        html.AppendLine("</ul>");
    }

    private static string FormatPercent(Ratio ratio) => ratio.Value is { } value ? Invariant($"{value:P1}") : "n/a";

    private static string FormatTrend(double? trend) => trend is { } value ? Invariant($"{value:+0;-0;0} %") : "n/a";

    private static string FormatDate(NodaTime.LocalDate? date) => date is { } d ? Invariant($"{d:uuuu-MM-dd}") : "n/a";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string EscapeMarkdown(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
