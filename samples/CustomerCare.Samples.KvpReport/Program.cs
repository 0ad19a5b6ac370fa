using System.Globalization;
using System.Text;
using CustomerCare.Core;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Kvp.Reporting;
using CustomerCare.Kvp.Signals;
using CustomerCare.Samples.Importers;
using NodaTime;

// Computes the improvement metrics over the two public datasets and writes the product feedback reports.
// Usage: dotnet run --project samples/CustomerCare.Samples.KvpReport -- [data folder] [output folder]
// The data folder contains cfpb_complaints_sample/ and uci_incident_event_log_sample/. Without an argument, the program
// looks for a shared/data folder in the current folder and the folders above it. The output folder defaults to ./kvp-report.
var dataFolder = args.Length > 0 ? args[0] : FindDataFolder();
var outputFolder = args.Length > 1 ? args[1] : Path.Combine(Environment.CurrentDirectory, "kvp-report");
if (dataFolder is null || !Directory.Exists(dataFolder))
{
    Console.Error.WriteLine("The data folder was not found. Pass it as the first argument: the folder with cfpb_complaints_sample/ and uci_incident_event_log_sample/.");
    return 2;
}

Directory.CreateDirectory(outputFolder);
var summary = new StringBuilder();

var cfpb = new CfpbComplaintImporter().Import(Path.Combine(dataFolder, "cfpb_complaints_sample", "complaints_sample.csv"));
Report("cfpb", "CFPB Consumer Complaint Database sample", cfpb, DateTimeZoneProviders.Tzdb["America/New_York"]);

var uci = new UciIncidentLogImporter().Import(Path.Combine(dataFolder, "uci_incident_event_log_sample", "incident_event_log_sample.csv"));
Report("uci", "UCI incident management event log sample", uci, DateTimeZone.Utc);

File.WriteAllText(Path.Combine(outputFolder, "summary.md"), summary.ToString());
Console.WriteLine(summary);
Console.WriteLine($"Reports written to {outputFolder}");
return 0;

void Report(string key, string title, ImportResult import, DateTimeZone zone)
{
    var costs = new CostModel { Currency = "USD", CostPerAutomatedContact = 0.5m }
        .SetCostPerHandledMinute(CompetenceLevel.FirstLevel, 1.0m)
        .SetCostPerHandledMinute(CompetenceLevel.SecondLevel, 1.6m)
        .SetCostPerHandledMinute(CompetenceLevel.ThirdLevel, 2.4m);
    var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions
    {
        BusinessCalendar = new WeekdayOfficeHoursCalendar(zone),
        CostModel = costs,
    });
    import.Replay(metrics);

    // The snapshot is taken one first-contact-resolution window after the last record, so every window has ended.
    var asOf = (import.LastInstant ?? Instant.FromUnixTimeTicks(0)).Plus(Duration.FromDays(8));
    var snapshot = metrics.Snapshot(asOf);
    var signals = new SignalDetector().Detect(snapshot);

    var products = snapshot.Products.Take(5).Select(p => ProductFeedbackReportBuilder.Build(snapshot, p.Product, [])).ToList();
    File.WriteAllText(Path.Combine(outputFolder, $"{key}-products.json"), ProductFeedbackRenderer.ToJson(products));
    foreach (var product in products)
    {
        File.WriteAllText(Path.Combine(outputFolder, $"{key}-{product.Product}.md"), ProductFeedbackRenderer.ToMarkdown(product));
        File.WriteAllText(Path.Combine(outputFolder, $"{key}-{product.Product}.html"), ProductFeedbackRenderer.ToHtml(product));
    }

    Summarize(title, import, snapshot, signals);
}

void Summarize(string title, ImportResult import, KvpMetricsSnapshot s, IReadOnlyList<ImprovementSignal> signals)
{
    var vitalFew = s.Pareto.Count(p => p.IsVitalFew);
    var line = (FormattableString text) => summary.AppendLine(text.ToString(CultureInfo.InvariantCulture));
    line($"### {title}");
    line($"");
    line($"Rows read: {import.RowsRead}; rows skipped: {import.RowsSkipped}; import issues: {import.Issues.Count}; records fed: {s.RecordsProcessed}; bad records: {s.TotalBadRecords} ({string.Join(", ", s.BadRecordCounts.Select(b => $"{b.Key} {b.Value}"))}).");
    line($"");
    line($"| Metric | Value |");
    line($"| --- | --- |");
    line($"| Concerns opened / customer contacts | {s.ConcernsOpened} / {s.CustomerContacts} |");
    line($"| Unresolved at the end | {s.UnresolvedConcerns} |");
    line($"| First response time | {Describe(s.FirstResponseTime)} |");
    line($"| First resolution time | {Describe(s.FirstResolutionTime)} |");
    line($"| Full resolution time | {Describe(s.FullResolutionTime)} |");
    line($"| Requester wait time | {Describe(s.RequesterWaitTime)} |");
    line($"| Agent wait time (pending) | {Describe(s.AgentWaitTime)} |");
    line($"| On-hold time | {Describe(s.OnHoldTime)} |");
    line($"| First-contact resolution | {s.FirstContactResolution} |");
    line($"| Reopen rate | {s.ReopenRate} |");
    line($"| Escalation rate | {s.EscalationRate} |");
    foreach (var level in s.Levels.Where(l => l.Rank > 1))
    {
        line($"| Escalated to level {level.Rank} | {level.EscalationRate} |");
    }

    foreach (var target in s.SlaTargets)
    {
        line($"| SLA attainment '{target.Target}' | {target.Attainment} |");
    }

    line($"| Channel mix | {string.Join(", ", s.Channels.Select(c => $"{c.Channel} {c.Share:P1}"))} |");
    line($"| Contact reasons | {s.Pareto.Count}; the vital few: {vitalFew} reach {s.Pareto.Where(p => p.IsVitalFew).Select(p => p.CumulativeShare).LastOrDefault():P1} |");
    line($"| Products (top segment) | {s.Products.Count}; largest: {string.Join(", ", s.Products.Take(4).Select(p => $"{p.Product} {p.Concerns}"))} |");
    line($"| Backlog peak | {(s.Backlog.Count == 0 ? "n/a" : $"{s.Backlog.Max(b => b.Open)} on {s.Backlog.MaxBy(b => b.Open).Date:uuuu-MM-dd}")} |");
    line($"| Signals | {signals.Count} ({string.Join(", ", signals.GroupBy(x => x.Kind).Select(g => $"{g.Key} {g.Count()}"))}) |");
    line($"");
    line($"Top contact reasons:");
    line($"");
    line($"| Reason | Concerns | Cumulative | FCR |");
    line($"| --- | ---: | ---: | ---: |");
    foreach (var entry in s.Pareto.Take(5))
    {
        line($"| {entry.Reason} | {entry.Count} | {entry.CumulativeShare:P1} | {s.FindReason(entry.Reason)!.FirstContactResolution} |");
    }

    line($"");
    line($"First import issues:");
    line($"");
    foreach (var issue in import.Issues.Take(3))
    {
        line($"- {issue}");
    }

    line($"");
}

static string Describe(DurationMetric metric)
{
    if (metric.Calendar.Count == 0)
    {
        return "null (no end event)";
    }

    var business = metric.Business is { Count: > 0 } b ? $"; business: median {Hours(b.Median)}, P90 {Hours(b.P90)}, mean {Hours(b.Mean)}" : string.Empty;
    return $"n = {metric.Calendar.Count}; calendar: median {Hours(metric.Calendar.Median)}, P90 {Hours(metric.Calendar.P90)}, mean {Hours(metric.Calendar.Mean)}{business}";
}

static string Hours(Duration? duration) => duration is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalHours:0.0} h") : "null";

static string? FindDataFolder()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "shared", "data");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}
