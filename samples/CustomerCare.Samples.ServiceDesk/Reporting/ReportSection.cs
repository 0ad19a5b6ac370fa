namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>One part of the report: a heading, sentences, and a table, rendered the same way as Markdown and HTML.</summary>
internal sealed record ReportSection(string Title, IReadOnlyList<string> Sentences, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)
{
    /// <summary>Gets the column alignment: true for right-aligned (numbers).</summary>
    public IReadOnlyList<bool> RightAligned { get; init; } = [];

    /// <summary>Gets the chart drawn above the table in HTML, or null.</summary>
    public string? Chart { get; init; }
}
