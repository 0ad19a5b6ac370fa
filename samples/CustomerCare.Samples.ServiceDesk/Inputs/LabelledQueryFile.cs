using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CustomerCare.Core;
using CustomerCare.Samples.Importers;

namespace CustomerCare.Samples.ServiceDesk.Inputs;

/// <summary>
/// Reads customer questions labelled with their intent, in the layout of BANKING77 (PolyAI, CC BY 4.0): a CSV file
/// with a header row and the columns <c>text</c> and <c>category</c>. A row with an empty text or a label that is not
/// a valid contact reason is reported with its line and column and skipped.
/// </summary>
internal static class LabelledQueryFile
{
    public const string Format = "labelled questions CSV (columns text,category)";

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputFileException">The file is missing, empty or lacks a required column.</exception>
    public static (List<(string Text, ContactReason Intent)> Queries, long RowsRead, List<ImportIssue> Issues) Read(string path)
    {
        using var reader = CsvInput.Open(path, Format, "text", "category");
        return Read(reader);
    }

    public static (List<(string Text, ContactReason Intent)> Queries, long RowsRead, List<ImportIssue> Issues) Read(TextReader reader)
    {
        var queries = new List<(string, ContactReason)>();
        var issues = new List<ImportIssue>();
        var rows = 0L;
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows++;
            var line = csv.Parser.RawRow;
            var text = csv.GetField("text")?.Trim() ?? string.Empty;
            var label = csv.GetField("category")?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                issues.Add(new ImportIssue(line, "text", "The question is empty; expected the customer's words.", true));
                continue;
            }

            if (!TryParseIntent(label, out var intent))
            {
                issues.Add(new ImportIssue(line, "category", $"'{label}' is not an intent name; expected letters, digits, '_', '-' or '/', such as card_arrival.", true));
                continue;
            }

            queries.Add((text, intent));
        }

        return (queries, rows, issues);
    }

    private static bool TryParseIntent(string label, out ContactReason intent)
    {
        intent = default;
        if (label.Length == 0)
        {
            return false;
        }

        // A few BANKING77 labels end in '?' ("reverted_card_payment?"), which a contact reason does not allow.
        return ContactReason.TryParse(label, out intent) || ContactReason.TryParse(label.TrimEnd('?'), out intent);
    }
}
