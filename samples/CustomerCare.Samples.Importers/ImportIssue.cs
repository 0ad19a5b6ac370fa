namespace CustomerCare.Samples.Importers;

/// <summary>A problem found in one row of a source file: where it is, what is wrong and what the importer did.</summary>
/// <param name="Line">The 1-based line of the row in the file.</param>
/// <param name="Column">The column's header name, or an empty string for the whole row.</param>
/// <param name="Message">What is wrong and what the importer did about it.</param>
/// <param name="RowSkipped">Whether the row was left out; otherwise it was imported as stated in the message.</param>
public sealed record ImportIssue(long Line, string Column, string Message, bool RowSkipped)
{
    public override string ToString() => $"line {Line}, column '{Column}': {Message}{(RowSkipped ? " The row was skipped." : "")}";
}
