using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Inputs;
using CustomerCare.Tests.Shared;

namespace CustomerCare.Samples.ServiceDesk.Tests.Inputs;

public sealed class ImportedContactsTests : IDisposable
{
    private const string CfpbHeader =
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID";

    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ReadCfpb_MissingFile_ClearError()
    {
        var error = Assert.Throws<InputFileException>(() => ImportedContacts.ReadCfpb("no/such/complaints.csv"));

        Assert.Contains("'no/such/complaints.csv' was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCfpb_MissingColumn_NamesColumn()
    {
        File.WriteAllText(_path, CfpbHeader.Replace(",Complaint ID", "", StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<InputFileException>(() => ImportedContacts.ReadCfpb(_path));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Complaint ID'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCfpb_BadRow_ReportedSkippedAndCounted()
    {
        File.WriteAllText(_path, string.Join('\n',
            CfpbHeader,
            "2013-08-30,Mortgage,,Other,,,,Bank,CA,900XX,,,Web,2013-09-02,Closed with explanation,Yes,No,1",
            "30/08/2013,Mortgage,,Other,,,,Bank,CA,900XX,,,Phone,2013-09-02,Closed,Yes,No,2",
            "2013-08-31,Credit card,,Billing disputes,,,,Bank,CA,900XX,,,Phone,2013-09-01,Closed,Yes,No,3"));

        var source = ImportedContacts.ReadCfpb(_path);

        Assert.Equal(3, source.RowsRead);
        Assert.Equal(1, source.RowsSkipped);
        var issue = Assert.Single(source.Issues);
        Assert.Equal((3L, "Date received"), (issue.Line, issue.Column));
        Assert.Contains("yyyy-MM-dd", issue.Message, StringComparison.Ordinal);
        Assert.Equal(2, source.Contacts.Count);
        Assert.Equal(ContactReason.Parse("credit-card/billing-disputes"), source.Contacts[1].Reason);
        Assert.Equal(Channel.Phone, source.Contacts[1].Channel);
        Assert.Equal(2, source.Contacts[1].Complexity);
    }

    [Fact]
    public void ReadUci_SharedSample_OneContactPerIncident()
    {
        var path = SharedData.File("uci_incident_event_log_sample", "incident_event_log_sample.csv");
        if (path is null)
        {
            Assert.Skip(SharedData.SkipReason);
        }

        var source = ImportedContacts.ReadUci(path);

        Assert.Equal(890, source.Contacts.Count);
        Assert.All(source.Contacts, c => Assert.InRange(c.Complexity, 1, 3));
        Assert.Contains(source.Contacts, c => c.Complexity > 1);
    }
}
