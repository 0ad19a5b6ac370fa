using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CustomerCare.Core;
using CustomerCare.Kvp.History;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Samples.Importers;

/// <summary>
/// Imports the CFPB Consumer Complaint Database export (US Consumer Financial Protection Bureau, public domain) onto the
/// improvement metrics' input model.
/// </summary>
/// <remarks>
/// <para>
/// Each complaint is one concern and one customer contact on its channel ("Submitted via"), opened at the start of
/// "Date received" in <see cref="Zone"/>. The contact reason is <c>product/issue</c>. "Date sent to company" is the
/// hand-over to the company: an escalation to the second level and the state Open. The export has no date for the
/// company's response, so a responded complaint is resolved and closed at the hand-over date: resolution times measure
/// the CFPB's hand-over, not the company's answer. "In progress" complaints stay open. "Timely response?" is the
/// outcome of the SLA target <c>company-response</c>, and a disputed response is a reopen.
/// </para>
/// <para>
/// A row without a valid "Date received", "Product" or "Complaint ID" is skipped and reported. A hand-over dated before
/// the receipt is reported and imported as it is; the metrics count it as out of order and clamp it to zero.
/// </para>
/// </remarks>
public sealed class CfpbComplaintImporter
{
    public const string SlaTarget = "company-response";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private static readonly Dictionary<string, Channel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Web"] = Channel.Web,
        ["Postal mail"] = Channel.Letter,
        ["Phone"] = Channel.Phone,
        ["Fax"] = Channel.Fax,
        ["Email"] = Channel.Email,
        ["Referral"] = Channel.Parse("referral"),
    };

    /// <summary>Gets the zone in which the dates are read. The default is America/New_York, where the CFPB sits.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZoneProviders.Tzdb["America/New_York"];

    public ImportResult Import(string path)
    {
        using var reader = new StreamReader(path);
        return Import(reader, Path.GetFileName(path));
    }

    public ImportResult Import(TextReader text, string source)
    {
        var result = new ImportResult { Source = source };
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            result.RowsRead++;
            ImportRow(csv, result);
        }

        return result;
    }

    private void ImportRow(CsvReader csv, ImportResult result)
    {
        var line = csv.Parser.RawRow;
        var issues = result.Issues;
        var received = ReadDate(csv, "Date received", line, issues, required: true);
        var product = csv.GetField("Product")?.Trim();
        var idText = csv.GetField("Complaint ID")?.Trim();
        if (string.IsNullOrEmpty(product))
        {
            issues.Add(new ImportIssue(line, "Product", "The product is empty, so the complaint has no contact reason.", true));
        }

        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            issues.Add(new ImportIssue(line, "Complaint ID", $"'{idText}' is not a positive number.", true));
        }

        if (received is null || string.IsNullOrEmpty(product) || number <= 0)
        {
            return;
        }

        var issue = csv.GetField("Issue")?.Trim();
        var reason = ContactReason.Parse(string.IsNullOrEmpty(issue) ? SourceIds.Slug(product) : $"{SourceIds.Slug(product)}/{SourceIds.Slug(issue)}");
        var via = csv.GetField("Submitted via")?.Trim() ?? string.Empty;
        if (!Channels.TryGetValue(via, out var channel))
        {
            issues.Add(new ImportIssue(line, "Submitted via", $"'{via}' is not a known channel; the complaint was imported on channel 'unknown'.", false));
            channel = Channel.Parse("unknown");
        }

        var concern = SourceIds.Concern(number);
        var customer = SourceIds.Customer(number);
        var openedAt = StartOf(received.Value);
        result.ConcernEvents.Add(ConcernEvent.Opened(concern, openedAt, customer, channel, reason, CompetenceLevel.FirstLevel) with { Position = line });
        result.Interactions.Add(new InteractionRecord(concern, customer, openedAt, channel, InteractionDirection.Inbound, AuthorType.Customer)
        {
            Kind = channel == Channel.Phone ? InteractionKind.Call : InteractionKind.Message,
            Reason = reason,
            Position = line,
        });

        var sent = ReadDate(csv, "Date sent to company", line, issues, required: false);
        if (sent is null)
        {
            return;
        }

        if (sent < received)
        {
            issues.Add(new ImportIssue(line, "Date sent to company",
                $"{sent:uuuu-MM-dd} is before the date received {received:uuuu-MM-dd}; imported as it is, so the metrics report it as out of order.", false));
        }

        var sentAt = StartOf(sent.Value);
        result.ConcernEvents.Add(ConcernEvent.Escalated(concern, sentAt, CompetenceLevel.SecondLevel) with { Position = line });
        result.ConcernEvents.Add(ConcernEvent.StateChanged(concern, sentAt, ConcernStatus.Open) with { Position = line });

        var timely = csv.GetField("Timely response?")?.Trim();
        if (timely is "Yes" or "No")
        {
            result.SlaOutcomes.Add(new SlaOutcomeRecord(concern, SlaTarget, timely == "Yes" ? SlaOutcome.Met : SlaOutcome.Breached, sentAt, line));
        }
        else
        {
            issues.Add(new ImportIssue(line, "Timely response?", $"'{timely}' is neither Yes nor No; no SLA outcome was imported.", false));
        }

        var response = csv.GetField("Company response to consumer")?.Trim() ?? string.Empty;
        if (response.Length == 0 || response.Equals("In progress", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        result.ConcernEvents.Add(ConcernEvent.Resolved(concern, sentAt) with { Position = line });
        if (string.Equals(csv.GetField("Consumer disputed?")?.Trim(), "Yes", StringComparison.OrdinalIgnoreCase))
        {
            result.ConcernEvents.Add(ConcernEvent.Reopened(concern, sentAt) with { Position = line });
            result.ConcernEvents.Add(ConcernEvent.Resolved(concern, sentAt) with { Position = line });
        }

        result.ConcernEvents.Add(ConcernEvent.Closed(concern, sentAt) with { Position = line });
    }

    private static LocalDate? ReadDate(CsvReader csv, string column, long line, List<ImportIssue> issues, bool required)
    {
        var text = csv.GetField(column)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                issues.Add(new ImportIssue(line, column, "The date is empty.", true));
            }

            return null;
        }

        var parsed = DatePattern.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        issues.Add(new ImportIssue(line, column, $"'{text}' is not a date in the form yyyy-MM-dd.", required));
        return null;
    }

    private Instant StartOf(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();
}
