using System.Text;
using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Samples.SelfServiceEvaluation;

/// <summary>
/// Reads a labelled CSV file (RFC 4180: comma separated, fields with commas, quotes or line breaks in double quotes)
/// with a header row. The text column is named <c>text</c>, <c>query</c> or <c>utterance</c>, the label column
/// <c>intent</c>, <c>category</c> or <c>label</c>; without such names the first two columns are taken.
/// </summary>
internal static class LabelledCsv
{
    public static LabelledFile Read(string path)
    {
        var rows = ParseRows(File.ReadAllText(path, Encoding.UTF8)).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path} is empty; expected a header row and labelled rows.");
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var textColumn = IndexOfAny(header, "text", "query", "utterance");
        var labelColumn = IndexOfAny(header, "intent", "category", "label");
        if (textColumn < 0 || labelColumn < 0)
        {
            (textColumn, labelColumn) = (0, 1);
        }

        var queries = new List<LabelledQuery>();
        var rejected = new List<string>();
        var renamed = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count <= Math.Max(textColumn, labelColumn))
            {
                rejected.Add($"row {i + 1}: has {row.Count} fields");
                continue;
            }

            if (string.IsNullOrWhiteSpace(row[textColumn]))
            {
                rejected.Add($"row {i + 1}: empty text");
                continue;
            }

            if (!ContactReason.TryParse(row[labelColumn], out var intent))
            {
                // Labels such as "reverted_card_payment?" carry characters that contact reasons do not allow.
                var cleaned = CleanLabel(row[labelColumn]);
                if (!ContactReason.TryParse(cleaned, out intent))
                {
                    rejected.Add($"row {i + 1}: invalid intent '{row[labelColumn]}'");
                    continue;
                }

                renamed.Add(row[labelColumn]);
            }

            queries.Add(new LabelledQuery(row[textColumn], intent));
        }

        return new LabelledFile(path, queries, rejected, [.. renamed.Select(r => $"'{r}' → '{ContactReason.Parse(CleanLabel(r))}'")]);
    }

    private static string CleanLabel(string label) =>
        new string([.. label.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' ? c : '_')]).Trim('_');

    private static int IndexOfAny(List<string> header, params string[] names) =>
        header.FindIndex(h => names.Contains(h, StringComparer.Ordinal));

    private static IEnumerable<List<string>> ParseRows(string content)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0)
                {
                    yield return row;
                }

                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}

/// <summary>The queries of one file, the rows that could not be used with the reason, and the labels that had to be cleaned.</summary>
internal sealed record LabelledFile(string Path, IReadOnlyList<LabelledQuery> Queries, IReadOnlyList<string> Rejected, IReadOnlyList<string> RenamedLabels);
