using System.Text;
using CustomerCare.Core;

namespace CustomerCare.SelfService.Tests;

/// <summary>Reads a labelled CSV file with a header and the columns text, intent (RFC 4180 quoting), such as BANKING77.</summary>
internal static class LabelledCsvFile
{
    public static List<LabelledQuery> Read(string path)
    {
        var queries = new List<LabelledQuery>();
        var rows = Rows(File.ReadAllText(path, Encoding.UTF8)).Skip(1);
        foreach (var row in rows)
        {
            // BANKING77 has one label with a trailing '?', which contact reasons do not allow.
            queries.Add(new LabelledQuery(row[0], ContactReason.Parse(row[1].TrimEnd('?'))));
        }

        return queries;
    }

    private static IEnumerable<List<string>> Rows(string content)
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
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else if (c != '\r')
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
