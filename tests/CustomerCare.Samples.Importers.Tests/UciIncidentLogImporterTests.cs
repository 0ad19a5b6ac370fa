using CustomerCare.Core;
using CustomerCare.Kvp.Metrics;
using CustomerCare.Tests.Shared;
using NodaTime;

namespace CustomerCare.Samples.Importers.Tests;

public class UciIncidentLogImporterTests
{
    private const string Header =
        "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at";

    [Fact]
    public void Import_RowsOutOfOrder_SortedBySequence()
    {
        var csv = string.Join('\n', Header,
            Row("INC0000001", "Resolved", 1, 2, "01-03-2016 12:00"),
            Row("INC0000001", "New", 0, 0, "01-03-2016 10:00"),
            Row("INC0000001", "Active", 1, 1, "01-03-2016 11:00"),
            Row("INC0000001", "Closed", 1, 3, "05-03-2016 12:00"));

        var result = new UciIncidentLogImporter().Import(new StringReader(csv), "inline");
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        result.Replay(metrics);
        var snapshot = metrics.Snapshot(Instant.FromUtc(2016, 4, 1, 0, 0));

        Assert.Contains(result.Issues, i => i.Column == "sys_mod_count" && !i.RowSkipped);
        Assert.Equal(Duration.FromHours(2), snapshot.FirstResolutionTime.Calendar.Median);
        Assert.Equal(new Ratio(1, 1), snapshot.EscalationRate);
        Assert.Equal(0, snapshot.TotalBadRecords);
    }

    [Fact]
    public void Import_UnknownStateOrTime_RowSkippedWithColumn()
    {
        var csv = string.Join('\n', Header,
            Row("INC0000002", "Dreaming", 0, 0, "01-03-2016 10:00"),
            Row("INC0000002", "New", 0, 1, "2016-03-01T10:00"));

        var result = new UciIncidentLogImporter().Import(new StringReader(csv), "inline");

        Assert.Contains(result.Issues, i => i.Line == 2 && i.Column == "incident_state" && i.RowSkipped);
        Assert.Contains(result.Issues, i => i.Line == 3 && i.Column == "sys_updated_at" && i.RowSkipped);
        Assert.Empty(result.ConcernEvents);
    }

    [Fact]
    public void Import_RealSample_MatchesItsDescription()
    {
        var path = SharedData.File("uci_incident_event_log_sample", "incident_event_log_sample.csv");
        if (path is null)
        {
            Assert.Skip(SharedData.SkipReason);
        }

        var result = new UciIncidentLogImporter().Import(path);
        var metrics = new KvpMetricsAccumulator(new KvpMetricsOptions());
        result.Replay(metrics);
        var snapshot = metrics.Snapshot(result.LastInstant!.Value.Plus(Duration.FromDays(8)));

        Assert.Equal(5998, result.RowsRead);
        Assert.Equal(0, result.RowsSkipped);
        Assert.Equal(4, result.Issues.Count(i => i.Column == "sys_mod_count"));
        Assert.Equal(890, snapshot.ConcernsOpened);
        Assert.Equal(890, snapshot.FirstResolutionTime.Calendar.Count);
        Assert.Null(snapshot.FirstResponseTime.Calendar.Median);
        Assert.Equal(Channel.Phone, Assert.Single(snapshot.Channels).Channel);
        Assert.True(snapshot.Pareto.Count(p => p.IsVitalFew) < snapshot.Pareto.Count);
    }

    private static string Row(string number, string state, int reassignments, int sequence, string updatedAt) =>
        $"{number},{state},TRUE,{reassignments},0,{sequence},TRUE,Caller 1,Opened by 1,01-03-2016 10:00,Created by 1,01-03-2016 10:00,Updated by 1,{updatedAt},Phone,Location 1,Category 1,Subcategory 2,Symptom 1,?,2 - Medium,2 - Medium,3 - Moderate,Group 1,?,FALSE,FALSE,Do Not Notify,?,?,?,?,code 1,Resolved by 1,01-03-2016 12:00,05-03-2016 12:00";
}
