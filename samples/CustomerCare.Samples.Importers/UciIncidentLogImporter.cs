using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CustomerCare.Core;
using CustomerCare.Kvp.History;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Samples.Importers;

/// <summary>
/// Imports the incident management event log of a ServiceNow service desk (UCI Machine Learning Repository dataset 498,
/// Amaral, Fantinato and Peres, CC BY 4.0) onto the improvement metrics' input model.
/// </summary>
/// <remarks>
/// <para>
/// Each incident is one concern opened at <c>opened_at</c> with one customer contact on its <c>contact_type</c>; the
/// contact reason is <c>category/subcategory</c>. The rows of an incident are ordered by <c>sys_mod_count</c> (the file
/// has a few out of order), and each change of <c>incident_state</c> becomes a state change at <c>sys_updated_at</c>:
/// New, Active → Open, Awaiting User Info → Pending, other Awaiting states → OnHold, Resolved, Closed. A rise of
/// <c>reassignment_count</c> is an escalation, as a proxy, to level 1 + count (at most 3). <c>made_sla</c> of the last
/// row is the outcome of the SLA target <c>resolution</c>, decided at the first resolution.
/// </para>
/// <para>
/// Times are read as UTC because the log does not name its zone. The log has no replies, so response times stay null.
/// A row with an unknown state or an unreadable time is skipped and reported with its line and column.
/// </para>
/// </remarks>
public sealed class UciIncidentLogImporter
{
    public const string SlaTarget = "resolution";

    private static readonly LocalDateTimePattern TimePattern = LocalDateTimePattern.CreateWithInvariantCulture("dd-MM-uuuu HH:mm");

    private static readonly Dictionary<string, ConcernStatus> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["New"] = ConcernStatus.New,
        ["Active"] = ConcernStatus.Open,
        ["Awaiting User Info"] = ConcernStatus.Pending,
        ["Awaiting Problem"] = ConcernStatus.OnHold,
        ["Awaiting Vendor"] = ConcernStatus.OnHold,
        ["Awaiting Evidence"] = ConcernStatus.OnHold,
        ["Resolved"] = ConcernStatus.Resolved,
        ["Closed"] = ConcernStatus.Closed,
    };

    private static readonly Dictionary<string, Channel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Phone"] = Channel.Phone,
        ["Email"] = Channel.Email,
        ["Self service"] = Channel.SelfService,
        ["IVR"] = Channel.Phone,
        ["Direct opening"] = Channel.Web,
    };

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

        var incident = new List<Row>();
        while (csv.Read())
        {
            result.RowsRead++;
            var row = ReadRow(csv, result.Issues);
            if (row is null)
            {
                continue;
            }

            if (incident.Count > 0 && incident[0].Number != row.Number)
            {
                ImportIncident(incident, result);
                incident.Clear();
            }

            incident.Add(row);
        }

        if (incident.Count > 0)
        {
            ImportIncident(incident, result);
        }

        return result;
    }

    private static Row? ReadRow(CsvReader csv, List<ImportIssue> issues)
    {
        var line = csv.Parser.RawRow;
        var numberText = csv.GetField("number")?.Trim() ?? string.Empty;
        var stateText = csv.GetField("incident_state")?.Trim() ?? string.Empty;
        var skip = false;
        if (!numberText.StartsWith("INC", StringComparison.Ordinal) || !long.TryParse(numberText.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            issues.Add(new ImportIssue(line, "number", $"'{numberText}' is not an incident number such as INC0000045.", true));
            skip = true;
            number = 0;
        }

        if (!States.TryGetValue(stateText, out var state))
        {
            issues.Add(new ImportIssue(line, "incident_state", $"'{stateText}' is not a known incident state.", true));
            skip = true;
        }

        var openedAt = ReadTime(csv, "opened_at", line, issues, ref skip);
        var updatedAt = ReadTime(csv, "sys_updated_at", line, issues, ref skip);
        var sequence = ReadCount(csv, "sys_mod_count", line, issues, ref skip);
        var reassignments = ReadCount(csv, "reassignment_count", line, issues, ref skip);
        if (skip)
        {
            return null;
        }

        return new Row(
            line,
            number,
            state,
            openedAt,
            updatedAt,
            sequence,
            reassignments,
            Number(csv.GetField("caller_id")),
            csv.GetField("contact_type")?.Trim() ?? string.Empty,
            csv.GetField("category")?.Trim() ?? string.Empty,
            csv.GetField("subcategory")?.Trim() ?? string.Empty,
            csv.GetField("made_sla")?.Trim() ?? string.Empty);
    }

    private static void ImportIncident(List<Row> rows, ImportResult result)
    {
        var ordered = rows.OrderBy(r => r.Sequence).ThenBy(r => r.Line).ToList();
        var first = ordered[0];
        if (!ordered.Select(r => r.Line).SequenceEqual(rows.Select(r => r.Line)))
        {
            result.Issues.Add(new ImportIssue(first.Line, "sys_mod_count", $"The rows of INC{first.Number:0000000} are out of sys_mod_count order in the file; they were imported in sys_mod_count order.", false));
        }

        var concern = SourceIds.Concern(first.Number);
        var customer = first.Caller > 0 ? SourceIds.Customer(first.Caller) : default;
        if (!Channels.TryGetValue(first.ContactType, out var channel))
        {
            result.Issues.Add(new ImportIssue(first.Line, "contact_type", $"'{first.ContactType}' is not a known contact type; the incident was imported on channel 'unknown'.", false));
            channel = Channel.Parse("unknown");
        }

        var reason = Reason(first);
        result.ConcernEvents.Add(ConcernEvent.Opened(concern, first.OpenedAt, customer, channel, reason, CompetenceLevel.FirstLevel) with { Position = first.Line });
        result.Interactions.Add(new InteractionRecord(concern, customer, first.OpenedAt, channel, InteractionDirection.Inbound, AuthorType.Customer)
        {
            Kind = channel == Channel.Phone ? InteractionKind.Call : InteractionKind.Message,
            Position = first.Line,
        });

        var state = ConcernStatus.New;
        var reassignments = 0;
        Instant? firstResolution = null;
        foreach (var row in ordered)
        {
            if (row.Reassignments > reassignments)
            {
                reassignments = row.Reassignments;
                var rank = Math.Min(1 + reassignments, 3);
                result.ConcernEvents.Add(ConcernEvent.Escalated(concern, row.UpdatedAt, new CompetenceLevel(rank, $"Level {rank}")) with { Position = row.Line });
            }

            if (row.State != state)
            {
                state = row.State;
                result.ConcernEvents.Add(ConcernEvent.StateChanged(concern, row.UpdatedAt, row.State) with { Position = row.Line });
                if (row.State is ConcernStatus.Resolved or ConcernStatus.Closed)
                {
                    firstResolution ??= row.UpdatedAt;
                }
            }
        }

        var last = ordered[^1];
        var outcome = last.MadeSla switch
        {
            "TRUE" => SlaOutcome.Met,
            "FALSE" => SlaOutcome.Breached,
            _ => (SlaOutcome?)null,
        };
        if (outcome is null)
        {
            result.Issues.Add(new ImportIssue(last.Line, "made_sla", $"'{last.MadeSla}' is neither TRUE nor FALSE; no SLA outcome was imported.", false));
        }
        else
        {
            result.SlaOutcomes.Add(new SlaOutcomeRecord(concern, SlaTarget, firstResolution is null ? SlaOutcome.Pending : outcome.Value, firstResolution ?? last.UpdatedAt, last.Line));
        }
    }

    private static ContactReason Reason(Row row)
    {
        var category = row.Category is "" or "?" ? "uncategorized" : SourceIds.Slug(row.Category);
        return row.Subcategory is "" or "?" ? ContactReason.Parse(category) : ContactReason.Parse($"{category}/{SourceIds.Slug(row.Subcategory)}");
    }

    private static Instant ReadTime(CsvReader csv, string column, long line, List<ImportIssue> issues, ref bool skip)
    {
        var text = csv.GetField(column)?.Trim() ?? string.Empty;
        var parsed = TimePattern.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value.InUtc().ToInstant();
        }

        issues.Add(new ImportIssue(line, column, $"'{text}' is not a time in the form dd-MM-yyyy HH:mm.", true));
        skip = true;
        return default;
    }

    private static int ReadCount(CsvReader csv, string column, long line, List<ImportIssue> issues, ref bool skip)
    {
        var text = csv.GetField(column)?.Trim() ?? string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        issues.Add(new ImportIssue(line, column, $"'{text}' is not a whole number of zero or more.", true));
        skip = true;
        return 0;
    }

    private static long Number(string? pseudonym)
    {
        var digits = new string((pseudonym ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    private sealed record Row(
        long Line,
        long Number,
        ConcernStatus State,
        Instant OpenedAt,
        Instant UpdatedAt,
        int Sequence,
        int Reassignments,
        long Caller,
        string ContactType,
        string Category,
        string Subcategory,
        string MadeSla);
}
