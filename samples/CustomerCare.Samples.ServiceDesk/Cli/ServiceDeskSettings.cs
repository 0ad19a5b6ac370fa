using System.ComponentModel;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerCare.Samples.ServiceDesk.Cli;

/// <summary>The command-line options of the sample; <c>--help</c> prints their descriptions.</summary>
internal sealed class ServiceDeskSettings : CommandSettings
{
    public const string DefaultRegion = "DE-BE";

    [CommandOption("--seed <NUMBER>")]
    [Description("Seed of the contact generator and the simulated agents; the same seed gives the same run. Default: 42.")]
    public int Seed { get; init; } = 42;

    [CommandOption("--start <DATE>")]
    [Description("First simulated day, yyyy-MM-dd. Default: 2026-05-11, a Monday; Thursday 2026-05-14 is Ascension Day, a public holiday in Germany.")]
    public string Start { get; init; } = "2026-05-11";

    [CommandOption("--days <NUMBER>")]
    [Description("Number of simulated days from --start, 1 to 366. Default: 7.")]
    public int Days { get; init; } = 7;

    [CommandOption("--contacts-per-day <NUMBER>")]
    [Description("Mean number of first contacts on a regular weekday; Monday brings more, weekends and holidays far fewer. Default: 400.")]
    public int ContactsPerDay { get; init; } = 400;

    [CommandOption("--region <CODE>")]
    [Description("Region whose public holidays close the office: ISO 3166-1 country or ISO 3166-2 subdivision, such as DE, DE-BY, US, GB. Default: DE-BE; US for --cfpb.")]
    public string Region { get; init; } = DefaultRegion;

    [CommandOption("--time-zone <IANA>")]
    [Description("Time zone of the office and of generated customers, an IANA id. Default: Europe/Berlin. Replays of the CFPB data use America/New_York, of the UCI log UTC.")]
    public string? TimeZone { get; init; }

    [CommandOption("--database <TARGET>")]
    [Description("Where the service desk stores its state: a SQLite file (default: servicedesk.db in the working directory, recreated on each run), " +
        "'memory', or PostgreSQL as postgres://user:password@host:port/database or an Npgsql connection string with Host=.")]
    public string Database { get; init; } = DatabaseTarget.DefaultSqliteFile;

    [CommandOption("--output <FOLDER>")]
    [Description("Folder for the report files (service-desk-report.json, .md, .html and one product feedback report per product). Default: service-desk-report in the working directory.")]
    public string Output { get; init; } = "service-desk-report";

    [CommandOption("--cfpb <FILE>")]
    [Description("Replay a CFPB Consumer Complaint Database export instead of generated contacts. CSV with a header row in the official column names; " +
        "used: Date received (yyyy-MM-dd), Product, Issue, Submitted via (Web, Phone, Postal mail, Fax, Email, Referral), Date sent to company, " +
        "Company response to consumer, Timely response? (Yes/No), Consumer disputed?, Complaint ID (positive number).")]
    public string? Cfpb { get; init; }

    [CommandOption("--uci <FILE>")]
    [Description("Replay a UCI incident management event log (UCI dataset 498) instead of generated contacts. CSV, one row per incident update, rows of an incident together; " +
        "used: number (INC + digits), incident_state, reassignment_count, sys_mod_count, made_sla (TRUE/FALSE), caller_id, opened_at and sys_updated_at (dd-MM-yyyy HH:mm), contact_type, category, subcategory.")]
    public string? Uci { get; init; }

    [CommandOption("--knowledge <FILE>")]
    [Description("Self-service knowledge from labelled questions instead of the built-in articles: CSV with a header row and the columns text (a customer question) and category (its intent, such as card_arrival), " +
        "the layout of BANKING77 train.csv. One article per intent, with its questions as variants.")]
    public string? Knowledge { get; init; }

    [CommandOption("--questions <FILE>")]
    [Description("Customer questions for the generated contacts, in the same layout as --knowledge (BANKING77 test.csv). The generator still draws customers, channels and arrival times; the text and contact reason come from the file.")]
    public string? Questions { get; init; }

    [CommandOption("--max-contacts <NUMBER>")]
    [Description("Replay at most this many contacts (the earliest). Default: all.")]
    public int? MaxContacts { get; init; }

    public LocalDate StartDate => LocalDatePattern.Iso.Parse(Start).GetValueOrThrow();

    public override ValidationResult Validate()
    {
        if (!LocalDatePattern.Iso.Parse(Start).Success)
        {
            return ValidationResult.Error($"--start '{Start}' is not a date in the form yyyy-MM-dd, such as 2026-05-11.");
        }

        if (Days is < 1 or > 366)
        {
            return ValidationResult.Error($"--days {Days} is outside 1 to 366.");
        }

        if (ContactsPerDay is < 1 or > 1_000_000)
        {
            return ValidationResult.Error($"--contacts-per-day {ContactsPerDay} is outside 1 to 1,000,000.");
        }

        if (MaxContacts is < 1)
        {
            return ValidationResult.Error($"--max-contacts {MaxContacts} must be 1 or more.");
        }

        if (TimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
        {
            return ValidationResult.Error($"--time-zone '{TimeZone}' is not an IANA time zone id, such as Europe/Berlin or America/New_York.");
        }

        if (Cfpb is not null && Uci is not null)
        {
            return ValidationResult.Error("--cfpb and --uci are both given; replay one source per run.");
        }

        if (Questions is not null && (Cfpb is not null || Uci is not null))
        {
            return ValidationResult.Error("--questions feeds the generator, so it cannot be combined with --cfpb or --uci.");
        }

        try
        {
            DatabaseTarget.Parse(Database);
        }
        catch (FormatException e)
        {
            return ValidationResult.Error($"--database: {e.Message}");
        }

        return ValidationResult.Success();
    }
}
