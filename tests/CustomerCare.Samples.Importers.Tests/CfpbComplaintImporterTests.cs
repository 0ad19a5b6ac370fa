using CustomerCare.Core;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Tests.Shared;
using NodaTime;

namespace CustomerCare.Samples.Importers.Tests;

public class CfpbComplaintImporterTests
{
    private const string Header =
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID";

    [Fact]
    public void Import_BadRows_ReportedWithLineAndColumn()
    {
        var csv = string.Join('\n',
            Header,
            "2013-08-30,Mortgage,,\"Loan modification,collection,foreclosure\",,,,Bank,CA,900XX,,,Web,2013-09-02,Closed with explanation,Yes,No,1",
            "30/08/2013,Mortgage,,Other,,,,Bank,CA,900XX,,,Web,2013-09-02,Closed,Yes,No,2",
            "2013-08-31,Mortgage,,Other,,,,Bank,CA,900XX,,,Pigeon,2013-08-30,In progress,Yes,,3");

        var result = new CfpbComplaintImporter().Import(new StringReader(csv), "inline");

        Assert.Equal(3, result.RowsRead);
        Assert.Equal(1, result.RowsSkipped);
        Assert.Contains(result.Issues, i => i.Line == 3 && i.Column == "Date received" && i.RowSkipped);
        Assert.Contains(result.Issues, i => i.Line == 4 && i.Column == "Submitted via" && !i.RowSkipped);
        Assert.Contains(result.Issues, i => i.Line == 4 && i.Column == "Date sent to company");
        Assert.Equal(ContactReason.Parse("mortgage/loan-modification-collection-foreclosure"), result.ConcernEvents[0].Reason);
    }

    [Fact]
    public void Replay_SentBeforeReceived_CountedAsOutOfOrderNotNegative()
    {
        var csv = string.Join('\n', Header, "2013-08-31,Mortgage,,Other,,,,Bank,CA,900XX,,,Web,2013-08-30,Closed with explanation,Yes,No,7");
        var result = new CfpbComplaintImporter().Import(new StringReader(csv), "inline");
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());

        result.Replay(metrics);
        var snapshot = metrics.Snapshot(result.LastInstant!.Value.Plus(Duration.FromDays(30)));

        Assert.True(snapshot.BadRecordCounts[BadRecordKind.OutOfOrder] > 0);
        Assert.Equal(Duration.Zero, snapshot.FirstResolutionTime.Calendar.Median);
        Assert.DoesNotContain(BadRecordKind.UnknownConcern, snapshot.BadRecordCounts.Keys);
    }

    [Fact]
    public void Import_RealSample_MatchesItsDescription()
    {
        var path = SharedData.File("cfpb_complaints_sample", "complaints_sample.csv");
        if (path is null)
        {
            Assert.Skip(SharedData.SkipReason);
        }

        var result = new CfpbComplaintImporter().Import(path);
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        result.Replay(metrics);
        var snapshot = metrics.Snapshot(result.LastInstant!.Value.Plus(Duration.FromDays(8)));

        Assert.Equal(1349, result.RowsRead);
        Assert.Equal(0, result.RowsSkipped);
        Assert.Equal(23, result.Issues.Count(i => i.Column == "Date sent to company"));
        Assert.Equal(1349, snapshot.ConcernsOpened);
        Assert.Equal(1005, snapshot.Channels.Single(c => c.Channel == Channel.Web).Contacts);
        Assert.Equal(1333, snapshot.FindSlaTarget(CfpbComplaintImporter.SlaTarget)!.Attainment.Numerator);
        Assert.Equal(252, snapshot.ReopenRate.Numerator);
        Assert.Equal(10, snapshot.Products.Count);
        Assert.True(snapshot.BadRecordCounts[BadRecordKind.OutOfOrder] >= 23);
    }
}
