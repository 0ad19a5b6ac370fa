using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CustomerCare.Samples.ServiceDesk.Inputs;

/// <summary>Opens CSV input files and checks them before any row is read.</summary>
internal static class CsvInput
{
    /// <summary>Opens <paramref name="path"/> after checking that it exists and that its header row has every column
    /// in <paramref name="required"/>.</summary>
    /// <exception cref="InputFileException">The file is missing, empty or lacks a required column.</exception>
    public static StreamReader Open(string path, string format, params string[] required)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException($"The {format} file '{path}' was not found. Check the path; it is read relative to '{Environment.CurrentDirectory}'.");
        }

        var header = ReadHeader(path, format);
        var missing = required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new InputFileException(
                $"{path}, line 1: the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}. " +
                $"Expected a {format} header with at least: {string.Join(",", required)}. Found: {string.Join(",", header)}.");
        }

        return new StreamReader(path);
    }

    private static string[] ReadHeader(string path, string format)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new InputFileException($"{path} is empty; expected a {format} file with a header row.");
        }

        return [.. header.Select(h => h.Trim())];
    }
}
