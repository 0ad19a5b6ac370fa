using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>Writes the manager report as JSON, Markdown and HTML with inline SVG charts and no scripts.</summary>
internal static class ReportWriter
{
    public const string JsonFile = "service-desk-report.json";
    public const string MarkdownFile = "service-desk-report.md";
    public const string HtmlFile = "service-desk-report.html";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the three files into <paramref name="folder"/>, creating it when needed.</summary>
    /// <returns>The paths of the files written.</returns>
    public static IReadOnlyList<string> Write(ManagerReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        string[] files = [Path.Combine(folder, JsonFile), Path.Combine(folder, MarkdownFile), Path.Combine(folder, HtmlFile)];
        File.WriteAllText(files[0], ToJson(report));
        File.WriteAllText(files[1], ToMarkdown(report));
        File.WriteAllText(files[2], ToHtml(report));
        return files;
    }

    public static string ToJson(ManagerReport report) => JsonSerializer.Serialize(report, JsonOptions);

    public static string ToMarkdown(ManagerReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Service desk report").AppendLine();
        foreach (var section in Sections(report))
        {
            if (section.Title.Length > 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"## {section.Title}").AppendLine();
            }

            foreach (var sentence in section.Sentences)
            {
                md.AppendLine(sentence).AppendLine();
            }

            if (section.Headers.Count == 0)
            {
                continue;
            }

            md.AppendLine("| " + string.Join(" | ", section.Headers) + " |");
            md.AppendLine("| " + string.Join(" | ", section.Headers.Select((_, i) => Right(section, i) ? "---:" : "---")) + " |");
            foreach (var row in section.Rows)
            {
                md.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    public static string ToHtml(ManagerReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service desk report</title>");
        html.AppendLine("<style>body{font-family:sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:0.5rem 0 1.5rem}" +
            "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}td.n,th.n{text-align:right}svg{display:block;margin:0.5rem 0}</style></head><body>");
        html.AppendLine("<h1>Service desk report</h1>");
        foreach (var section in Sections(report))
        {
            if (section.Title.Length > 0)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<h2>{Encode(section.Title)}</h2>");
            }

            foreach (var sentence in section.Sentences)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<p>{Encode(sentence.Replace("**", "", StringComparison.Ordinal))}</p>");
            }

            if (section.Chart is not null)
            {
                html.AppendLine(section.Chart);
            }

            if (section.Headers.Count == 0)
            {
                continue;
            }

            html.Append("<table><tr>");
            for (var i = 0; i < section.Headers.Count; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th{(Right(section, i) ? " class=\"n\"" : "")}>{Encode(section.Headers[i])}</th>");
            }

            html.AppendLine("</tr>");
            foreach (var row in section.Rows)
            {
                html.Append("<tr>");
                for (var i = 0; i < row.Length; i++)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td{(Right(section, i) ? " class=\"n\"" : "")}>{Encode(row[i])}</td>");
                }

                html.AppendLine("</tr>");
            }

            html.AppendLine("</table>");
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static IEnumerable<ReportSection> Sections(ManagerReport report)
    {
        var run = report.Run;
        var costs = report.Costs;
        yield return new ReportSection(
            "",
            [
                F($"Source: {run.Source}. Storage: {run.Database}.{(run.Seed is { } seed ? F($" Seed: {seed}.") : "")}"),
                F($"Period: {run.From} to {run.To} ({run.TimeZone}). Contacts: {run.Contacts:N0}; concerns: {run.Concerns:N0}; agents: {run.Agents}. Run time: {run.ElapsedSeconds:0.0} s."),
            ],
            ["Figure", "Value"],
            [
                ["Concerns answered by self-service", report.SelfService.ToString()],
                ["First-contact resolution", report.FirstContactResolution.ToString()],
                ["Cost per contact", F($"{costs.CostPerContact:0.00} {costs.Currency}")],
                ["Savings from self-service and automation", F($"{costs.Savings:N2} {costs.Currency} ({costs.AutomatedResolutions:N0} concerns without a person)")],
                ["Knowledge carried forward", F($"{report.Knowledge.ArticlesLearned} articles learned from escalations; {report.Knowledge.AnsweredWithLearnedArticles:N0} later contacts answered with them")],
                ["Input rows read / skipped", F($"{report.Input.RowsRead:N0} / {report.Input.RowsSkipped:N0} ({report.Input.IssueCount:N0} issues)")],
                ["Records the metrics counted as bad", report.Input.BadRecords == 0 ? "none" : F($"{report.Input.BadRecords:N0} ({report.Input.BadRecordKinds})")],
            ]);

        yield return new ReportSection("Contacts by channel", ["Every contact counts, self-service answers included; the cost is the people's and the self-service's cost on the channel per contact."],
            ["Channel", "Contacts", "Share", "Answered by self-service", "Cost per contact"],
            [.. report.Channels.Select(c => new[] { c.Channel, F($"{c.Contacts:N0}"), F($"{c.Share:P1}"), F($"{c.SelfServed:N0}"), Money(c.CostPerContact) })])
        {
            RightAligned = [false, true, true, true, true],
            Chart = SvgBars.Draw("Contacts by channel", [.. report.Channels.Select(c => (c.Channel, (double)c.Contacts, F($"{c.Contacts:N0} ({c.Share:P1})")))]),
        };

        yield return new ReportSection("SLA attainment per target", ["Attainment counts the targets decided in the period: met or breached."],
            ["Target", "Met", "Decided", "Attainment"],
            [.. report.Sla.Select(s => new[] { s.Target, F($"{s.Met:N0}"), F($"{s.Total:N0}"), Percent(s.Attainment) })])
        {
            RightAligned = [false, true, true, true],
            Chart = SvgBars.Draw("SLA attainment per target", [.. report.Sla.Select(s => (s.Target, s.Attainment ?? 0, Percent(s.Attainment)))], max: 1, color: "#2ca02c"),
        };

        yield return new ReportSection("Escalations per level", [], ["Level", "Escalated into", "Escalation rate", "Resolved there", "Cost per resolved concern"],
            [.. report.Levels.Select(l => new[] { F($"{l.Rank} {l.Name}"), F($"{l.EscalatedInto:N0}"), Percent(l.EscalationRate), F($"{l.Resolved:N0}"), Money(l.CostPerResolvedConcern) })])
        {
            RightAligned = [false, true, true, true, true],
            Chart = SvgBars.Draw("Concerns escalated into each level", [.. report.Levels.Select(l => (F($"{l.Rank} {l.Name}"), (double)l.EscalatedInto, F($"{l.EscalatedInto:N0}")))], color: "#d62728"),
        };

        yield return new ReportSection("Desk activity", ["What the service desk and the agents did during the run; a rejected action is one the procedure refused."],
            ["What", "Count"], [.. report.Activity.Select(a => new[] { a.What, F($"{a.Count:N0}") })])
        {
            RightAligned = [false, true],
        };

        yield return new ReportSection("Contact reasons (Pareto)", ["The vital few are the reasons that together make up 80 percent of the concerns."],
            ["Reason", "Concerns", "Share", "Cumulative", "Vital few"],
            [.. report.Pareto.Select(r => new[] { r.Reason, F($"{r.Concerns:N0}"), F($"{r.Share:P1}"), F($"{r.CumulativeShare:P1}"), r.VitalFew ? "yes" : "" })])
        {
            RightAligned = [false, true, true, true, false],
            Chart = SvgBars.Draw("Contact reasons (Pareto)", [.. report.Pareto.Take(15).Select(r => (r.Reason, (double)r.Concerns, F($"{r.Concerns:N0}, cumulative {r.CumulativeShare:P0}")))], color: "#9467bd"),
        };

        yield return new ReportSection("Cost",
            [F($"Handled by people: {costs.HandledCost:N2} {costs.Currency}; automated: {costs.AutomatedCost:N2} {costs.Currency}; savings against first-level handling of the automated concerns: {costs.Savings:N2} {costs.Currency}.")],
            [], []);

        yield return new ReportSection("Knowledge carried forward",
            [F($"{report.Knowledge.ArticlesAtStart} articles at the start; {report.Knowledge.ArticlesLearned} learned from escalations; {report.Knowledge.AnsweredWithLearnedArticles:N0} later contacts answered by self-service with a learned article.")],
            report.Knowledge.LearnedTopics.Count == 0 ? [] : ["Learned topic"],
            [.. report.Knowledge.LearnedTopics.Select(t => new[] { t })]);

        yield return new ReportSection("Proposed improvement ideas",
            report.Ideas.Count == 0 ? ["No signal crossed its threshold."] : [],
            report.Ideas.Count == 0 ? [] : ["Idea", "Why"],
            [.. report.Ideas.Select(i => new[] { i.Title, i.Description })]);

        yield return new ReportSection("Product feedback", ["One product feedback report per product is written next to this file, as Markdown and HTML, and all of them as product-feedback.json."],
            ["Product", "Concerns", "Contacts", "First-contact resolution", "Top reason", "Report"],
            [.. report.Products.Select(p => new[] { p.Product, F($"{p.Concerns:N0}"), F($"{p.Contacts:N0}"), Percent(p.FirstContactResolution), p.TopReason ?? "", p.MarkdownFile })])
        {
            RightAligned = [false, true, true, true, false, false],
        };

        yield return new ReportSection("Channel reachability", [report.ReachabilitySummary],
            ["Channel", "Open", "Hours open that week"], [.. report.Reachability.Select(r => new[] { r.Channel, r.Hours, F($"{r.OpenHoursInWeek:0}") })])
        {
            RightAligned = [false, false, true],
        };

        if (report.Input.IssueCount > 0)
        {
            yield return new ReportSection(F($"Input issues (first {report.Input.FirstIssues.Count} of {report.Input.IssueCount:N0})"),
                ["Every bad row is counted; the JSON report and the console list the first ones with line and column."],
                ["Issue"], [.. report.Input.FirstIssues.Select(i => new[] { i })]);
        }
    }

    private static bool Right(ReportSection section, int column) => column < section.RightAligned.Count && section.RightAligned[column];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
