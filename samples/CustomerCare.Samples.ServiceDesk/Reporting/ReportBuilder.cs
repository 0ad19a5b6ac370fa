using CustomerCare.Core;
using CustomerCare.Kvp.Reporting;
using CustomerCare.Samples.ServiceDesk.Inputs;
using CustomerCare.Samples.ServiceDesk.Simulation;

namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>Turns a run's metrics and counters into the manager report, and writes the product feedback reports.</summary>
internal static class ReportBuilder
{
    private const int MaxListedIssues = 20;
    private const int MaxProducts = 6;

    /// <summary>Builds the report and writes one product feedback report per product (JSON, Markdown, HTML) into
    /// <paramref name="folder"/>.</summary>
    public static ManagerReport Build(SimulationOutcome outcome, ContactSource source, RunFacts run, string folder)
    {
        var metrics = outcome.Metrics;
        var counters = outcome.Counters;
        var costs = metrics.Costs;
        var allContacts = Math.Max(1, counters.ContactsReceived);
        var levels = outcome.Organization.Agents.Select(a => a.Level).Distinct().Order().ToList();

        return new ManagerReport
        {
            Run = run,
            Channels = [.. counters.ContactsByChannel.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Name).Select(c =>
            {
                var cost = metrics.Channels.FirstOrDefault(f => f.Channel == c.Key)?.Cost;
                return new ChannelRow(c.Key.Name, c.Value, counters.SelfServedByChannel.GetValueOrDefault(c.Key), (double)c.Value / allContacts, cost / c.Value);
            })],
            SelfService = new Share(counters.AnsweredBySelfService, counters.AnsweredBySelfService + metrics.ConcernsOpened),
            FirstContactResolution = new Share(metrics.FirstContactResolution.Numerator, metrics.FirstContactResolution.Denominator),
            Sla = [.. metrics.SlaTargets.Select(t => new SlaRow(t.Target, t.Attainment.Numerator, t.Attainment.Denominator, t.Attainment.Value))],
            Levels = [.. levels.Select(rank =>
            {
                var figures = metrics.Levels.FirstOrDefault(l => l.Rank == rank);
                return new LevelRow(
                    rank,
                    LevelName(rank),
                    figures?.EscalationRate.Numerator ?? 0,
                    rank == 1 ? null : figures?.EscalationRate.Value,
                    figures?.ResolvedConcerns ?? 0,
                    figures?.CostPerResolvedConcern);
            })],
            Pareto = [.. metrics.Pareto.Select(p => new ReasonRow(p.Reason.Code, p.Count, p.Share, p.CumulativeShare, p.IsVitalFew))],
            Costs = new CostSummary(
                costs?.Currency ?? "EUR",
                costs?.HandledCost ?? 0,
                costs?.AutomatedCost ?? 0,
                ((costs?.HandledCost ?? 0) + (costs?.AutomatedCost ?? 0)) / allContacts,
                costs?.AutomatedResolutions ?? 0,
                costs?.Savings ?? 0),
            Knowledge = new KnowledgeSummary(
                outcome.ArticlesAtStart, outcome.LearnedTopics.Count, counters.AnsweredWithLearnedArticles, outcome.LearnedTopics),
            Ideas = [.. outcome.Ideas.Select(i => new IdeaRow(i.Submitter, i.Title, i.Description))],
            Products = WriteProducts(outcome, folder),
            Reachability = [.. outcome.Organization.Channels.Select(c => new ReachabilityRow(
                c.Channel.Name,
                c.Description,
                outcome.Reachability.Channels.FirstOrDefault(o => o.Channel == c.Channel).Open.TotalHours))],
            ReachabilitySummary = outcome.Reachability.IsAlwaysReachable
                ? Invariant($"The desk checked the week of {outcome.Reachability.WeekStart:uuuu-MM-dd}: the organization is reachable at every hour on at least one channel.")
                : Invariant($"The desk found hours in the week of {outcome.Reachability.WeekStart:uuuu-MM-dd} with no channel open: ") +
                  string.Join("; ", outcome.Reachability.Gaps.Select(g => Invariant($"{g.LocalStart:uuuu-MM-dd HH:mm} to {g.LocalEnd:uuuu-MM-dd HH:mm}"))) + ".",
            Activity = Activity(counters),
            Input = new InputSummary(source.RowsRead, source.RowsSkipped, source.Issues.Count, [.. source.Issues.Take(MaxListedIssues).Select(i => i.ToString())])
            {
                BadRecords = metrics.TotalBadRecords,
                BadRecordKinds = string.Join(", ", metrics.BadRecordCounts.Where(b => b.Value > 0).Select(b => $"{b.Key} {b.Value}")),
            },
        };
    }

    private static List<ActivityRow> Activity(SimulationCounters counters)
    {
        List<ActivityRow> rows =
        [
            new("contacts received", counters.ContactsReceived),
            new("duplicates recognized", counters.Duplicates),
            new("answered by self-service", counters.AnsweredBySelfService),
            new("added to an open concern", counters.AddedToExistingConcern),
            new("handed off to a person", counters.HandedOff),
            new("offers to agents", counters.Offers),
            new("offers accepted", counters.Accepted),
            new("replies", counters.Replies),
            new("information requests", counters.InformationRequests),
            new("escalations (all causes)", counters.Escalations),
            new("escalations requested by agents", counters.EscalationsByAgents),
            new("resolved by agents", counters.Resolved),
            new("closed", counters.Closed),
            new("SLA warnings", counters.SlaWarnings),
            new("SLA breaches", counters.SlaBreaches),
            new("knowledge candidates proposed by the desk", counters.KnowledgeProposals),
        ];
        rows.AddRange(counters.Rejections.OrderByDescending(r => r.Value).Select(r => new ActivityRow("rejected: " + r.Key, r.Value)));
        return rows;
    }

    private static List<ProductRow> WriteProducts(SimulationOutcome outcome, string folder)
    {
        Directory.CreateDirectory(folder);
        var rows = new List<ProductRow>();
        var reports = new List<ProductFeedbackReport>();
        foreach (var product in outcome.Metrics.Products.Take(MaxProducts))
        {
            var report = ProductFeedbackReportBuilder.Build(outcome.Metrics, product.Product, outcome.Ideas);
            reports.Add(report);
            var name = "product-" + product.Product.Code.Replace('/', '-');
            File.WriteAllText(Path.Combine(folder, name + ".md"), ProductFeedbackRenderer.ToMarkdown(report));
            File.WriteAllText(Path.Combine(folder, name + ".html"), ProductFeedbackRenderer.ToHtml(report));
            rows.Add(new ProductRow(
                product.Product.Code,
                report.Concerns,
                report.Contacts,
                report.FirstContactResolution.Value,
                report.Reasons.Count > 0 ? report.Reasons[0].Reason : null,
                name + ".md",
                name + ".html"));
        }

        File.WriteAllText(Path.Combine(folder, "product-feedback.json"), ProductFeedbackRenderer.ToJson(reports));
        return rows;
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string LevelName(int rank) => rank switch
    {
        1 => "First level",
        2 => "Specialists",
        3 => "Experts",
        _ => new CompetenceLevel(rank, $"Level {rank}").Name,
    };
}
