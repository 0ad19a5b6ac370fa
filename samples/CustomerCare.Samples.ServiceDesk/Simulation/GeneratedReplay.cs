using CustomerCare.Samples.ServiceDesk.Cli;
using CustomerCare.Samples.ServiceDesk.Generation;
using CustomerCare.Samples.ServiceDesk.Inputs;
using CustomerCare.Samples.ServiceDesk.Knowledge;
using CustomerCare.Samples.ServiceDesk.Organization;
using CustomerCare.SelfService;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>
/// Replays a number of generated contacts end to end through the service desk, for the speed benchmark: the same
/// organization, knowledge and behaviour as the sample's default run, scaled to the load.
/// </summary>
public sealed class GeneratedReplay
{
    private readonly SimulationPlan _plan;

    /// <summary>Generates the contacts and builds the organization.</summary>
    /// <param name="contacts">The number of contacts to replay.</param>
    /// <param name="database">The storage, in the form of the sample's <c>--database</c> option, such as <c>memory</c>.</param>
    /// <param name="seed">The seed of the generator and the agents.</param>
    public GeneratedReplay(int contacts, string database, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contacts, 1);

        // The default week brings about 5.9 contacts per "contact per weekday" (the day factors and follow-ups), so the
        // generator is sized a little above the target and the earliest contacts are kept.
        var start = new LocalDate(2026, 5, 11);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var holidays = Sla.PublicHolidays.PublicHolidayImporter.Import("DE-BE", 2026, 2026).Holidays
            .Where(h => h.IsActive).Select(h => h.Date).OfType<LocalDate>().ToHashSet();
        var generated = new ContactGenerator(new GeneratorOptions
        {
            Seed = seed,
            Start = start,
            Days = 7,
            ContactsPerBusinessDay = (int)Math.Ceiling(contacts / 4.5),
            Zone = zone,
            Holidays = holidays,
        }).Generate();
        var source = new ContactSource(SourceLoader.GeneratedName, [.. generated.Take(contacts)], 0, []);
        var weekdays = 5;
        var organization = SimulatedOrganization.Build(zone, "DE-BE", start, start.PlusDays(7), Math.Max(0.1, source.Contacts.Count / (double)weekdays / 400));
        var reasons = ReasonCatalog.Default;
        _plan = new SimulationPlan
        {
            Source = source,
            Organization = organization,
            Database = DatabaseTarget.Parse(database),
            Seed = seed,
            Start = zone.AtStartOfDay(start).ToInstant(),
            End = zone.AtStartOfDay(start.PlusDays(7)).ToInstant(),
            InitialKnowledge = KnowledgeSeeds.Initial(reasons),
            CalibrationQueries = [.. reasons.SelectMany(r => r.Phrasings.Values.SelectMany(p => p).Select(t => new LabelledQuery(t, r.Reason)))],
            Reasons = reasons,
        };
    }

    /// <summary>Gets the number of contacts replayed per run.</summary>
    public int Contacts => _plan.Source.Contacts.Count;

    /// <summary>Runs the replay once on fresh storage.</summary>
    /// <returns>The number of concerns opened.</returns>
    public async Task<long> RunAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await ServiceDeskSimulation.RunAsync(_plan, null, cancellationToken).ConfigureAwait(false);
        return outcome.Metrics.ConcernsOpened;
    }
}
