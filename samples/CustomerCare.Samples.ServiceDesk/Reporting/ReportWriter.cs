using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>Writes the manager report as JSON, Markdown and HTML with inline SVG charts.</summary>
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
        var files = new[] { Path.Combine(folder, JsonFile), Path.Combine(folder, MarkdownFile), Path.Combine(folder, HtmlFile) };
        File.WriteAllText(files[0], ToJson(report));
        File.WriteAllText(files[1], ToMarkdown(report));
        File.WriteAllText(files[2], ToHtml(report));
        return files;
    }

    public static string ToJson(ManagerReport report) => JsonSerializer.Serialize(report, JsonOptions);

    public static string ToMarkdown(ManagerReport report)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        var run = report.Run;
        Line($"# Service desk report");
        Line($"");
        Line($"Source: {run.Source}. Storage: {run.Database}.{(run.Seed is { } seed ? $" Seed: {seed}." : "")}");
        Line($"Period: {run.From} to {run.To} ({run.TimeZone}). Contacts: {run.Contacts:N0}; concerns: {run.Concerns:N0}; agents: {run.Agents}. Run time: {run.ElapsedSeconds:0.0} s.");
        Line($"");
        Line($"| Figure | Value |");
        Line($"| --- | --- |");
        Line($"| Answered by self-service or automation | {report.SelfService} |");
        Line($"| First-contact resolution | {report.FirstContactResolution} |");
        Line($"| Cost per contact | {report.Costs.CostPerContact:0.00} {report.Costs.Currency} |");
        Line($"| Savings from self-service and automation | {report.Costs.Savings:N2} {report.Costs.Currency} ({report.Costs.AutomatedResolutions:N0} concerns without a person) |");
        Line($"| Knowledge carried forward | {report.Knowledge.ArticlesLearned} articles learned from escalations, {report.Knowledge.AnsweredWithLearnedArticles:N0} later contacts answered with them |");
        Line($"| Input rows read / skipped | {report.Input.RowsRead:N0} / {report.Input.RowsSkipped:N0} ({report.Input.IssueCount:N0} issues) |");
        Line($"");

        Line($"## Contacts by channel");
        Line($"");
        Line($"| Channel | Contacts | Share | Cost per contact |");
        Line($"| --- | ---: | ---: | ---: |");
        foreach (var c in report.Channels)
        {
            Line($"| {c.Channel} | {c.Contacts:N0} | {c.Share:P1} | {Money(c.CostPerContact)} |");
        }

        Line($"");
        Line($"## SLA attainment per target");
        Line($"");
        Line($"| Target | Met | Decided | Attainment |");
        Line($"| --- | ---: | ---: | ---: |");
        foreach (var s in report.Sla)
        {
            Line($"| {s.Target} | {s.Met:N0} | {s.Total:N0} | {Percent(s.Attainment)} |");
        }

        Line($"");
        Line($"## Escalations per level");
        Line($"");
        Line($"| Level | Escalated into | Escalation rate | Resolved there | Cost per resolved concern |");
        Line($"| --- | ---: | ---: | ---: | ---: |");
        foreach (var l in report.Levels)
        {
            Line($"| {l.Rank} {l.Name} | {l.EscalatedInto:N0} | {Percent(l.EscalationRate)} | {l.Resolved:N0} | {Money(l.CostPerResolvedConcern)} |");
        }

        Line($"");
        Line($"## Contact reasons (Pareto)");
        Line($"");
        Line($"| Reason | Concerns | Share | Cumulative | Vital few |");
        Line($"| --- | ---: | ---: | ---: | :---: |");
        foreach (var r in report.Pareto)
        {
            Line($"| {r.Reason} | {r.Concerns:N0} | {r.Share:P1} | {r.CumulativeShare:P1} | {(r.VitalFew ? "yes" : "")} |");
        }

        Line($"");
        Line($"## Cost");
        Line($"");
        Line($"Handled by people: {report.Costs.HandledCost:N2} {report.Costs.Currency}; automated: {report.Costs.AutomatedCost:N2} {report.Costs.Currency}; savings against first-level handling: {report.Costs.Savings:N2} {report.Costs.Currency}.");
        Line($"");
        Line($"## Knowledge carried forward");
        Line($"");
        Line($"{report.Knowledge.ArticlesAtStart} articles at the start; {report.Knowledge.ArticlesLearned} learned from escalations; {report.Knowledge.AnsweredWithLearnedArticles:N0} later contacts answered with a learned article.");
        foreach (var topic in report.Knowledge.LearnedTopics)
        {
            Line($"- {topic}");
        }

        Line($"");
        Line($"## Proposed improvement ideas");
        Line($"");
        if (report.Ideas.Count == 0)
        {
            Line($"No signal crossed its threshold.");
        }

        foreach (var idea in report.Ideas)
        {
            Line($"- **{idea.Title}** ({idea.Kind}): {idea.Description}");
        }

        Line($"");
        Line($"## Product feedback");
        Line($"");
        Line($"| Product | Concerns | Contacts | First-contact resolution | Top reason | Report |");
        Line($"| --- | ---: | ---: | ---: | --- | --- |");
        foreach (var p in report.Products)
        {
            Line($"| {p.Product} | {p.Concerns:N0} | {p.Contacts:N0} | {Percent(p.FirstContactResolution)} | {p.TopReason} | [{p.MarkdownFile}]({p.MarkdownFile}) |");
        }

        Line($"");
        Line($"## Channel reachability");
        Line($"");
        Line($"| Channel | Open |");
        Line($"| --- | --- |");
        foreach (var r in report.Reachability)
        {
            Line($"| {r.Channel} | {r.Hours} |");
        }

        if (report.Input.FirstIssues.Count > 0)
        {
            Line($"");
            Line($"## Input issues (first {report.Input.FirstIssues.Count} of {report.Input.IssueCount:N0})");
            Line($"");
            foreach (var issue in report.Input.FirstIssues)
            {
                Line($"- {issue}");
            }
        }

        return md.ToString();
    }

    public static string ToHtml(ManagerReport report)
    {
        var html = new StringBuilder();
        void Line(FormattableString text) => html.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        var markdownBody = ToMarkdown(report);
        Line($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service desk report</title>");
        Line($"<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}td:first-child,th:first-child{{text-align:left}}</style></head><body>");
        Line($"<h1>Service desk report</h1>");
        Line($"<p>{Encode(report.Run.Source)}; {Encode(report.Run.Database)}; {Encode(report.Run.From)} to {Encode(report.Run.To)}; {report.Run.Contacts:N0} contacts, {report.Run.Concerns:N0} concerns.</p>");
        Line($"<ul><li>Answered by self-service or automation: {Encode(report.SelfService.ToString())}</li>");
        Line($"<li>First-contact resolution: {Encode(report.FirstContactResolution.ToString())}</li>");
        Line($"<li>Cost per contact: {report.Costs.CostPerContact:0.00} {Encode(report.Costs.Currency)}; savings from self-service and automation: {report.Costs.Savings:N2} {Encode(report.Costs.Currency)}</li>");
        Line($"<li>Knowledge carried forward: {report.Knowledge.ArticlesLearned} articles, {report.Knowledge.AnsweredWithLearnedArticles:N0} later contacts answered with them</li></ul>");

        html.AppendLine(SvgBars.Draw("Contacts by channel", [.. report.Channels.Select(c => (c.Channel, (double)c.Contacts, Format($"{c.Contacts:N0} ({c.Share:P1})")))]));
        html.AppendLine(SvgBars.Draw("SLA attainment per target", [.. report.Sla.Select(s => (s.Target, s.Attainment ?? 0, Percent(s.Attainment)))], max: 1, color: "#2ca02c"));
        html.AppendLine(SvgBars.Draw("Concerns escalated into each level", [.. report.Levels.Select(l => ($"{l.Rank} {l.Name}", (double)l.EscalatedInto, Format($"{l.EscalatedInto:N0}")))], color: "#d62728"));
        html.AppendLine(SvgBars.Draw("Contact reasons (Pareto)", [.. report.Pareto.Take(15).Select(r => (r.Reason, (double)r.Concerns, Format($"{r.Concerns:N0}, cumulative {r.CumulativeShare:P0}")))], color: "#9467bd"));

        // The tables repeat the Markdown report, so the HTML file stands on its own.
        Line($"<pre>{Encode(markdownBody)}</pre>");
        Line($"</body></html>");
        return html.ToString();
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
