using CustomerCare.Samples.ServiceDesk.Cli;
using CustomerCare.Samples.ServiceDesk.Generation;

namespace CustomerCare.Samples.ServiceDesk.Inputs;

/// <summary>Reads or generates the contacts that the options ask for.</summary>
internal static class SourceLoader
{
    public const string GeneratedName = "generated contacts of a fictional broadband and mobile provider";

    /// <exception cref="InputFileException">An input file is missing, empty or lacks a required column.</exception>
    public static ContactSource Load(ServiceDeskSettings settings, NodaTime.DateTimeZone zone, string region)
    {
        var source = settings switch
        {
            { Cfpb: { } cfpb } => ImportedContacts.ReadCfpb(cfpb),
            { Uci: { } uci } => ImportedContacts.ReadUci(uci),
            _ => Generate(settings, zone, region),
        };

        return settings.MaxContacts is { } max && source.Contacts.Count > max
            ? source with { Contacts = [.. source.Contacts.Take(max)] }
            : source;
    }

    private static ContactSource Generate(ServiceDeskSettings settings, NodaTime.DateTimeZone zone, string region)
    {
        var options = GeneratorOptions(settings, zone, region);
        if (settings.Questions is null)
        {
            return new ContactSource(GeneratedName, new ContactGenerator(options).Generate(), 0, []);
        }

        var (questions, rows, issues) = LabelledQueryFile.Read(settings.Questions);
        var reasons = QuestionCatalog.FromQuestions(questions);
        return new ContactSource(
            $"generated contacts asking the questions of {Path.GetFileName(settings.Questions)}", new ContactGenerator(options, reasons).Generate(), rows, issues);
    }

    internal static GeneratorOptions GeneratorOptions(ServiceDeskSettings settings, NodaTime.DateTimeZone zone, string region)
    {
        var start = settings.StartDate;
        var end = start.PlusDays(settings.Days);
        var holidays = CustomerCare.Sla.PublicHolidays.PublicHolidayImporter.Import(region, start.Year, end.Year).Holidays
            .Where(h => h.IsActive).Select(h => h.Date).OfType<NodaTime.LocalDate>().Where(d => d >= start && d < end).ToHashSet();
        return new()
        {
            Seed = settings.Seed,
            Start = start,
            Days = settings.Days,
            ContactsPerBusinessDay = settings.ContactsPerDay,
            Zone = zone,
            Holidays = holidays,
        };
    }
}
