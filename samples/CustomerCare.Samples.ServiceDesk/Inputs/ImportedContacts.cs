using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Samples.Importers;
using CustomerCare.Samples.ServiceDesk.Contacts;

namespace CustomerCare.Samples.ServiceDesk.Inputs;

/// <summary>
/// Replays the CFPB complaints and the UCI incident log as inbound contacts. The sample importers read the files and
/// report bad rows with line and column; this class turns each imported concern's opening into one contact.
/// </summary>
/// <remarks>
/// The complexity of a replayed concern is the deepest competence level it reached in the source (a CFPB hand-over
/// to the company counts as level 2, a UCI reassignment as one level deeper), so the simulated organization escalates
/// about as often as the real one did. The text is built from the contact reason, because neither source includes
/// the customer's words.
/// </remarks>
internal static class ImportedContacts
{
    public const string CfpbName = "CFPB Consumer Complaint Database (US Consumer Financial Protection Bureau, public domain)";

    public const string UciName = "UCI incident management event log (UCI dataset 498, Amaral, Fantinato and Peres, CC BY 4.0)";

    private static readonly string[] CfpbColumns =
        ["Date received", "Product", "Issue", "Submitted via", "Date sent to company", "Company response to consumer", "Timely response?", "Consumer disputed?", "Complaint ID"];

    private static readonly string[] UciColumns =
        ["number", "incident_state", "reassignment_count", "sys_mod_count", "made_sla", "caller_id", "opened_at", "sys_updated_at", "contact_type", "category", "subcategory"];

    /// <summary>Reads a CFPB complaints export in the official column names.</summary>
    /// <exception cref="InputFileException">The file is missing, empty or lacks a required column.</exception>
    public static ContactSource ReadCfpb(string path)
    {
        using var reader = CsvInput.Open(path, "CFPB complaints CSV", CfpbColumns);
        var import = new CfpbComplaintImporter().Import(reader, Path.GetFileName(path));
        return ToContacts(CfpbName, "cfpb", import);
    }

    /// <summary>Reads a UCI incident management event log.</summary>
    /// <exception cref="InputFileException">The file is missing, empty or lacks a required column.</exception>
    public static ContactSource ReadUci(string path)
    {
        using var reader = CsvInput.Open(path, "UCI incident event log CSV", UciColumns);
        var import = new UciIncidentLogImporter().Import(reader, Path.GetFileName(path));
        return ToContacts(UciName, "uci", import);
    }

    internal static ContactSource ToContacts(string name, string prefix, ImportResult import)
    {
        var deepest = new Dictionary<ConcernId, int>();
        foreach (var escalation in import.ConcernEvents.Where(e => e.Kind == ConcernEventKind.Escalated))
        {
            var rank = Math.Clamp(escalation.Level.Rank, 1, 3);
            deepest[escalation.Concern] = Math.Max(rank, deepest.GetValueOrDefault(escalation.Concern, 1));
        }

        var contacts = new List<ContactRequest>();
        foreach (var opened in import.ConcernEvents.Where(e => e.Kind == ConcernEventKind.Opened))
        {
            var reason = opened.Reason == default ? ContactReason.Parse("uncategorized") : opened.Reason;
            var customerKey = opened.Customer != default
                ? opened.Customer.ToString()
                : $"{prefix}-anonymous-{opened.Concern}";
            var position = $"{import.Source} line {opened.Position}";
            contacts.Add(new ContactRequest(
                $"{prefix}-{opened.Concern}",
                opened.OccurredAt,
                new SimulatedCustomer(customerKey, customerKey, $"{Sanitize(customerKey)}@{prefix}.example.com", null, "en"),
                opened.Channel,
                reason,
                $"I have a problem with {Describe(reason)}.",
                deepest.GetValueOrDefault(opened.Concern, 1))
            {
                Product = reason.Root.Code,
                SourcePosition = position,
            });
        }

        return new ContactSource(name, [.. contacts.OrderBy(c => c.ArrivesAt)], import.RowsRead, import.Issues);
    }

    private static string Describe(ContactReason reason) => reason.Code.Replace('/', ':').Replace('-', ' ');

    private static string Sanitize(string key) => new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
