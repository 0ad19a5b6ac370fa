using System.Globalization;
using Spectre.Console;

namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>Prints the manager report as Spectre.Console tables.</summary>
internal static class ConsoleReport
{
    public static void Print(IAnsiConsole console, ManagerReport report)
    {
        var run = report.Run;
        console.Write(new Rule("[bold]Service desk report[/]").LeftJustified());
        console.MarkupLineInterpolated($"{run.Source}; {run.Database}; {run.From} to {run.To} ({run.TimeZone}).");
        console.MarkupLineInterpolated($"{run.Contacts:N0} contacts, {run.Concerns:N0} concerns, {run.Agents} agents; run time {run.ElapsedSeconds:0.0} s.");
        console.WriteLine();

        var summary = new Table().AddColumns("Figure", "Value").HideHeaders();
        summary.AddRow(Text("Concerns answered by self-service"), Text(report.SelfService.ToString()));
        summary.AddRow(Text("First-contact resolution"), Text(report.FirstContactResolution.ToString()));
        summary.AddRow(Text("Cost per contact"), Text(Format($"{report.Costs.CostPerContact:0.00} {report.Costs.Currency}")));
        summary.AddRow(Text("Savings from self-service and automation"), Text(Format($"{report.Costs.Savings:N2} {report.Costs.Currency}")));
        summary.AddRow(Text("Knowledge carried forward"), Text(Format($"{report.Knowledge.ArticlesLearned} articles learned, {report.Knowledge.AnsweredWithLearnedArticles:N0} later contacts answered with them")));
        summary.AddRow(Text("Records the metrics counted as bad"), Text(report.Input.BadRecords == 0 ? "none" : Format($"{report.Input.BadRecords:N0} ({report.Input.BadRecordKinds})")));
        summary.AddRow(Text("Input rows read / skipped"), Text(Format($"{report.Input.RowsRead:N0} / {report.Input.RowsSkipped:N0}")));
        console.Write(summary);

        var channels = new Table().Title("Contacts by channel").AddColumns("Channel", "Contacts", "Share", "Self-service", "Cost/contact");
        foreach (var c in report.Channels)
        {
            channels.AddRow(Text(c.Channel), Text(Format($"{c.Contacts:N0}")), Text(Format($"{c.Share:P1}")), Text(Format($"{c.SelfServed:N0}")), Text(Money(c.CostPerContact)));
        }

        var sla = new Table().Title("SLA attainment").AddColumns("Target", "Met", "Decided", "Attainment");
        foreach (var s in report.Sla)
        {
            sla.AddRow(Text(s.Target), Text(Format($"{s.Met:N0}")), Text(Format($"{s.Total:N0}")), Text(Percent(s.Attainment)));
        }

        var levels = new Table().Title("Escalations per level").AddColumns("Level", "Escalated into", "Rate", "Resolved there");
        foreach (var l in report.Levels)
        {
            levels.AddRow(Text($"{l.Rank} {l.Name}"), Text(Format($"{l.EscalatedInto:N0}")), Text(Percent(l.EscalationRate)), Text(Format($"{l.Resolved:N0}")));
        }

        var activity = new Table().Title("Desk activity").AddColumns("What", "Count");
        foreach (var a in report.Activity)
        {
            activity.AddRow(Text(a.What), Text(Format($"{a.Count:N0}")));
        }

        console.Write(new Columns(channels, sla));
        console.Write(new Columns(levels, activity));

        var pareto = new Table().Title("Contact reasons (Pareto, top 10)").AddColumns("Reason", "Concerns", "Cumulative", "Vital few");
        foreach (var r in report.Pareto.Take(10))
        {
            pareto.AddRow(Text(r.Reason), Text(Format($"{r.Concerns:N0}")), Text(Format($"{r.CumulativeShare:P1}")), Text(r.VitalFew ? "yes" : ""));
        }

        var reach = new Table().Title("Channel reachability").AddColumns("Channel", "Open");
        foreach (var r in report.Reachability)
        {
            reach.AddRow(Text(r.Channel), Text(r.Hours));
        }

        console.Write(new Columns(pareto, reach));
        console.MarkupLineInterpolated($"{report.ReachabilitySummary}");

        console.MarkupLine("[bold]Proposed improvement ideas[/]");
        if (report.Ideas.Count == 0)
        {
            console.WriteLine("  No signal crossed its threshold.");
        }

        foreach (var idea in report.Ideas.Take(8))
        {
            console.MarkupLineInterpolated($"  - {idea.Title}");
        }

        console.MarkupLine("[bold]Product feedback[/]");
        foreach (var p in report.Products)
        {
            console.MarkupLineInterpolated($"  - {p.Product}: {p.Concerns:N0} concerns, first-contact resolution {Percent(p.FirstContactResolution)}, top reason {p.TopReason ?? "n/a"}");
        }

        if (report.Input.IssueCount > 0)
        {
            console.MarkupLineInterpolated($"[yellow]Input issues[/] ({report.Input.IssueCount:N0}; each row is reported, the first ones here):");
            foreach (var issue in report.Input.FirstIssues.Take(5))
            {
                console.MarkupLineInterpolated($"  - {issue}");
            }
        }
    }

    private static Markup Text(string text) => new(Markup.Escape(text));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
