using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Generation;
using CustomerCare.Samples.ServiceDesk.Inputs;
using CustomerCare.Samples.ServiceDesk.Knowledge;
using CustomerCare.Samples.ServiceDesk.Organization;
using CustomerCare.Samples.ServiceDesk.Reporting;
using CustomerCare.Samples.ServiceDesk.Simulation;
using CustomerCare.SelfService;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerCare.Samples.ServiceDesk.Cli;

/// <summary>Runs the service desk over generated or replayed contacts and reports what a manager wants to know.</summary>
internal sealed class RunCommand : AsyncCommand<ServiceDeskSettings>
{
    /// <summary>The exit code for a missing or unreadable input file.</summary>
    public const int InputError = 2;

    /// <summary>The exit code for a failed run, such as an unreachable database.</summary>
    public const int RunError = 1;

    public override async Task<int> ExecuteAsync(CommandContext context, ServiceDeskSettings settings, CancellationToken cancellationToken)
    {
        SimulationPlan plan;
        try
        {
            plan = Plan(settings);
        }
        catch (InputFileException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Input error:[/] {e.Message}");
            return InputError;
        }

        AnsiConsole.MarkupLineInterpolated($"Running the service desk over {plan.Source.Contacts.Count:N0} {plan.Source.Name} on {plan.Database.Display}; the customers' replies and follow-ups during the run come on top.");
        SimulationOutcome outcome;
        try
        {
            outcome = await AnsiConsole.Progress()
                .AutoClear(true)
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Simulating", maxValue: 1);
                    return await ServiceDeskSimulation.RunAsync(plan, done => task.Value = done, cancellationToken);
                });
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Data.Common.DbException or CustomerCareException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The run failed:[/] {e.Message}");
            return RunError;
        }

        var zone = plan.Organization.Office.Zone;
        var run = new RunFacts(
            plan.Source.Name,
            plan.Database.Display,
            settings.Cfpb is null && settings.Uci is null ? settings.Seed : null,
            plan.Start.InZone(zone).Date.ToString("uuuu-MM-dd", null),
            plan.End.InZone(zone).Date.PlusDays(-1).ToString("uuuu-MM-dd", null),
            zone.Id,
            outcome.Counters.ContactsReceived,
            outcome.Counters.AnsweredBySelfService + outcome.Metrics.ConcernsOpened,
            plan.Organization.Agents.Count,
            outcome.Elapsed.TotalSeconds);
        var output = Path.GetFullPath(settings.Output);
        var report = ReportBuilder.Build(outcome, plan.Source, run, output);
        ConsoleReport.Print(AnsiConsole.Console, report);
        var files = ReportWriter.Write(report, output);
        AnsiConsole.MarkupLineInterpolated($"Reports written to {output}: {string.Join(", ", files.Select(Path.GetFileName))} and the product feedback reports.");
        return 0;
    }

    /// <summary>Reads the inputs and builds the organization for the options.</summary>
    /// <exception cref="InputFileException">An input file is missing, empty or lacks a required column.</exception>
    internal static SimulationPlan Plan(ServiceDeskSettings settings)
    {
        // Each source's dates are local to where it was recorded: CFPB in the United States, the UCI log in UTC.
        var zoneId = settings.TimeZone ?? "Europe/Berlin";
        if (settings.TimeZone is null && settings.Cfpb is not null)
        {
            zoneId = "America/New_York";
        }
        else if (settings.TimeZone is null && settings.Uci is not null)
        {
            zoneId = "UTC";
        }

        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var region = settings.Cfpb is not null && settings.Region == ServiceDeskSettings.DefaultRegion ? "US" : settings.Region;
        var source = SourceLoader.Load(settings, zone, region);
        var database = DatabaseTarget.Parse(settings.Database);

        LocalDate from;
        LocalDate to;
        if (source.Contacts.Count > 0 && (settings.Cfpb is not null || settings.Uci is not null))
        {
            from = source.Contacts[0].ArrivesAt.InZone(zone).Date;
            to = source.Contacts[^1].ArrivesAt.InZone(zone).Date.PlusDays(settings.Days);
        }
        else
        {
            from = settings.StartDate;
            to = from.PlusDays(settings.Days);
        }

        var organization = SimulatedOrganization.Build(zone, region, from, to, AgentScale(source, zone));
        IReadOnlyList<KnowledgeSeed> knowledge;
        IReadOnlyList<ReasonProfile> reasons = [];
        IReadOnlyList<LabelledQuery> calibration = [];
        if (settings.Knowledge is not null)
        {
            // Every fifth question is held out of the articles and calibrates the matcher's confidence, so the
            // calibration sees questions it has not indexed, as the customers' questions will be.
            var (questions, _, issues) = LabelledQueryFile.Read(settings.Knowledge);
            knowledge = KnowledgeSeeds.FromQuestions([.. questions.Where((_, i) => i % 5 != 4)]);
            calibration = [.. questions.Where((_, i) => i % 5 == 4).Select(q => new LabelledQuery(q.Text, q.Intent))];
            source = source with { Issues = [.. source.Issues, .. issues] };
        }
        else if (settings.Cfpb is null && settings.Uci is null && settings.Questions is null)
        {
            reasons = ReasonCatalog.Default;
            knowledge = KnowledgeSeeds.Initial(reasons);
            calibration = [.. reasons.SelectMany(r => r.Phrasings.Values.SelectMany(p => p).Select(t => new LabelledQuery(t, r.Reason)))];
        }
        else
        {
            knowledge = [];
        }

        return new SimulationPlan
        {
            Source = source,
            Organization = organization,
            Database = database,
            Seed = settings.Seed,
            Start = zone.AtStartOfDay(from).ToInstant(),
            End = zone.AtStartOfDay(to).ToInstant(),
            InitialKnowledge = knowledge,
            CalibrationQueries = calibration,
            Reasons = reasons,
        };
    }

    // Sizes the staff to the load: the default organization serves about 400 first contacts per weekday. Only weekdays
    // with contacts count, so a replay with long gaps gets the staff of its busy days.
    private static double AgentScale(ContactSource source, DateTimeZone zone)
    {
        var weekdays = source.Contacts.Select(c => c.ArrivesAt.InZone(zone).Date).Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday).Distinct().Count();
        return Math.Clamp(source.Contacts.Count / (double)Math.Max(1, weekdays) / 400, 0.1, 50);
    }
}
