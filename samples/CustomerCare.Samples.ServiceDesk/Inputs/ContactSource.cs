using CustomerCare.Samples.ServiceDesk.Contacts;
using CustomerCare.Samples.Importers;

namespace CustomerCare.Samples.ServiceDesk.Inputs;

/// <summary>The contacts read or generated for one run, with the problems found in the input.</summary>
/// <param name="Name">The source's public name, such as "CFPB Consumer Complaint Database".</param>
/// <param name="Contacts">The contacts, ordered by arrival.</param>
/// <param name="RowsRead">The data rows read from the input files; 0 for generated contacts.</param>
/// <param name="Issues">Every problem found in the input, with line and column.</param>
internal sealed record ContactSource(string Name, IReadOnlyList<ContactRequest> Contacts, long RowsRead, IReadOnlyList<ImportIssue> Issues)
{
    /// <summary>Gets the number of input rows left out because of a problem.</summary>
    public long RowsSkipped => Issues.Where(i => i.RowSkipped).Select(i => i.Line).Distinct().LongCount();
}
