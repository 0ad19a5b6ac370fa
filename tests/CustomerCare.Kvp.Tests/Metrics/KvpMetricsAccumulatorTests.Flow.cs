using System.Diagnostics.Metrics;
using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;
using static CustomerCare.Kvp.Tests.History;

namespace CustomerCare.Kvp.Tests.Metrics;

public partial class KvpMetricsAccumulatorTests
{
    [Fact]
    public void Backlog_DailySeriesWithNetFlowAndGaps()
    {
        var sut = CreateSut();
        var first = _history.NewConcern();
        var second = _history.NewConcern();
        sut.Add(Opened(first, 0));
        sut.Add(Opened(second, 1));
        sut.Add(ConcernEvent.Resolved(first, At(48)));
        sut.Add(ConcernEvent.Reopened(first, At(49)));
        sut.Add(ConcernEvent.Resolved(first, At(50)));

        var backlog = sut.Snapshot(At(51)).Backlog;

        Assert.Equal(3, backlog.Count);
        Assert.Equal(new BacklogPoint(new LocalDate(2026, 3, 2), 2, 0, 0, 2), backlog[0]);
        Assert.Equal(new BacklogPoint(new LocalDate(2026, 3, 3), 0, 0, 0, 2), backlog[1]);
        Assert.Equal(new BacklogPoint(new LocalDate(2026, 3, 4), 0, 2, 1, 1), backlog[2]);
        Assert.Equal(2, backlog[0].NetFlow);
    }

    [Fact]
    public void BacklogAges_BucketsByAgeAtSnapshot()
    {
        var sut = CreateSut();
        foreach (var hours in new[] { 0.0, 100, 170, 190 })
        {
            sut.Add(Opened(_history.NewConcern(), hours));
        }

        var ages = sut.Snapshot(At(200)).BacklogAges;

        Assert.Equal([1L, 1, 1, 1], ages.Select(a => a.Count));
        Assert.Equal(Duration.FromDays(7), ages[3].MinimumAge);
        Assert.Null(ages[3].MaximumAge);
    }

    [Fact]
    public void SelfService_ThreeNumbersStaySeparate()
    {
        var sut = CreateSut();
        var customer = _history.NewCustomer();
        var other = _history.NewCustomer();
        sut.Add(Opened(_history.NewConcern(), 0));
        sut.Add(SelfService(customer, 0, SelfServiceOutcome.Resolved));
        sut.Add(SelfService(customer, 0, SelfServiceOutcome.Abandoned));
        sut.Add(SelfService(customer, 0, SelfServiceOutcome.HandedOffNoMatch) with { Query = "How do I get a refund for my invoice?" });
        sut.Add(Bot(customer, 1, SelfServiceOutcome.Resolved, Channel.Email));
        sut.Add(Bot(other, 1, SelfServiceOutcome.Resolved, Channel.Chat));
        sut.Add(Bot(other, 2, SelfServiceOutcome.HandedOff, Channel.Chat));
        sut.Add(CustomerMessage(_history.NewConcern(), 10, customer));

        var selfService = sut.Snapshot(At(100)).SelfService;

        Assert.Equal(new Ratio(3, 1), selfService.SelfServiceScore);
        Assert.Equal(new Ratio(1, 2), selfService.DeflectionRate);
        Assert.Equal(new Ratio(0, 2), selfService.VerifiedBotResolutionRate);
        Assert.Equal(new Ratio(1, 3), selfService.BotHandOffRate);
        Assert.Equal(0, selfService.PendingBotVerifications);
    }

    [Fact]
    public void SelfService_BotResolutionHolds_VerifiedAfterWindow()
    {
        var sut = CreateSut();
        var customer = _history.NewCustomer();
        sut.Add(Bot(customer, 0, SelfServiceOutcome.Resolved, Channel.Chat));

        var pending = sut.Snapshot(At(1)).SelfService;
        sut.Add(CustomerMessage(_history.NewConcern(), 3, customer, Channel.Chat));
        var verified = sut.Snapshot(At(4)).SelfService;

        Assert.Equal(1, pending.PendingBotVerifications);
        Assert.Equal(new Ratio(1, 1), verified.VerifiedBotResolutionRate);
    }

    [Fact]
    public void KnowledgeGaps_GroupedByTerms()
    {
        var sut = CreateSut();
        sut.Add(SelfService(default, 0, SelfServiceOutcome.HandedOffNoMatch) with { Query = "How do I get a REFUND for my invoice?" });
        sut.Add(SelfService(default, 1, SelfServiceOutcome.HandedOffNoMatch) with { Query = "invoice refund" });
        sut.Add(SelfService(default, 2, SelfServiceOutcome.HandedOffNoMatch) with { Query = "?" });

        var snapshot = sut.Snapshot(At(3));

        var gap = Assert.Single(snapshot.KnowledgeGaps);
        Assert.Equal("invoice refund", gap.Terms);
        Assert.Equal(2, gap.Count);
        Assert.Equal(1, snapshot.UngroupedKnowledgeGapQueries);
    }

    [Fact]
    public void Costs_PerContactAndSavings()
    {
        var costs = new CostModel { CostPerAutomatedContact = 0.5m }
            .SetCostPerHandledMinute(CompetenceLevel.FirstLevel, 1m)
            .SetCostPerHandledMinute(CompetenceLevel.SecondLevel, 2m);
        var sut = CreateSut(o => o.CostModel = costs);
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(Reply(concern, 1) with { WorkTime = Duration.FromMinutes(4), Level = CompetenceLevel.FirstLevel });
        sut.Add(Reply(concern, 2) with { WorkTime = Duration.FromMinutes(10), Level = CompetenceLevel.SecondLevel });
        sut.Add(ConcernEvent.Resolved(concern, At(3)));
        sut.Add(ConcernEvent.Closed(concern, At(4)));
        sut.Add(SelfService(default, 5, SelfServiceOutcome.Resolved));

        var snapshot = sut.Snapshot(At(6));

        Assert.Equal(24m, snapshot.Costs!.HandledCost);
        Assert.Equal(0.5m, snapshot.Costs.AutomatedCost);
        Assert.True(snapshot.Costs.FirstLevelCostObserved);
        Assert.Equal(4m, snapshot.Costs.FirstLevelCostPerContact);
        Assert.Equal(3.5m, snapshot.Costs.Savings);
        var email = snapshot.Channels.Single(c => c.Channel == Channel.Email);
        Assert.Equal(24m, email.CostPerResolvedConcern);
    }

    [Fact]
    public void Scope_OnlyConcernsOpenedInWindowAndReason()
    {
        var window = new Interval(At(0), At(24));
        var sut = CreateSut(o =>
        {
            o.OpenedWithin = window;
            o.ReasonScope = ContactReason.Parse("billing");
        });
        var inside = _history.NewConcern();
        var otherReason = _history.NewConcern();
        var later = _history.NewConcern();
        sut.Add(Opened(inside, 1, reason: "billing/refund"));
        sut.Add(Opened(otherReason, 1, reason: "delivery/late"));
        sut.Add(Opened(later, 30));
        sut.Add(ConcernEvent.Resolved(otherReason, At(2)));
        sut.Add(ConcernEvent.Resolved(later, At(31)));

        var snapshot = sut.Snapshot(At(40));

        Assert.Equal(1, snapshot.ConcernsOpened);
        Assert.Equal(0, snapshot.TotalBadRecords);
        Assert.Equal(0, snapshot.FirstResolutionTime.Calendar.Count);
    }

    [Fact]
    public void Instruments_PublishOnTheGivenMeter()
    {
        using var meter = new Meter("CustomerCare");
        using var processed = new MetricCollector<long>(meter, "customercare.kvp.record.processed");
        using var rejected = new MetricCollector<long>(meter, "customercare.kvp.record.rejected");
        using var resolution = new MetricCollector<double>(meter, "customercare.kvp.first_resolution.duration");
        using var backlog = new MetricCollector<long>(meter, "customercare.kvp.backlog");
        var sut = new KvpMetricsAccumulator(new KvpMetricsOptions { BusinessCalendar = OfficeHoursCalendar.Utc }, meter);
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(Opened(_history.NewConcern(), 0));
        sut.Add(ConcernEvent.Resolved(concern, At(2)));
        sut.Add(ConcernEvent.Resolved(_history.NewConcern(), At(2)));

        backlog.RecordObservableInstruments();

        Assert.Equal(4, processed.GetMeasurementSnapshot().Count);
        var bad = Assert.Single(rejected.GetMeasurementSnapshot());
        Assert.Equal("UnknownConcern", bad.Tags["customercare.kvp.bad_record_kind"]);
        var durations = resolution.GetMeasurementSnapshot();
        Assert.Equal(2, durations.Count);
        Assert.Contains(durations, m => m.Value == 7200 && (string)m.Tags["customercare.kvp.time_basis"]! == "calendar");
        Assert.Equal(1, backlog.LastMeasurement!.Value);
    }

    [Fact]
    public void Snapshot_Incremental_EqualsSinglePass()
    {
        var records = new List<Action<KvpMetricsAccumulator>>();
        for (var i = 0; i < 30; i++)
        {
            var concern = _history.NewConcern();
            var n = i;
            var hours = n * 5.0;
            records.Add(s => s.Add(Opened(concern, hours)));
            records.Add(s => s.Add(CustomerMessage(concern, hours)));
            records.Add(s => s.Add(Reply(concern, hours + 1 + (n % 4))));
            if (i % 3 != 0)
            {
                records.Add(s => s.Add(ConcernEvent.Resolved(concern, At(hours + 2 + (n % 5)))));
            }
        }

        var batch = CreateSut();
        var incremental = CreateSut();
        foreach (var record in records)
        {
            record(batch);
        }

        for (var i = 0; i < records.Count; i++)
        {
            records[i](incremental);
            if (i % 7 == 0)
            {
                incremental.Snapshot(At(i));
            }
        }

        var expected = batch.Snapshot(At(1000));
        var actual = incremental.Snapshot(At(1000));
        Assert.Equal(expected.FirstResponseTime, actual.FirstResponseTime);
        Assert.Equal(expected.FirstResolutionTime, actual.FirstResolutionTime);
        Assert.Equal(expected.FirstContactResolution, actual.FirstContactResolution);
        Assert.Equal(expected.Backlog, actual.Backlog);
    }

    private static InteractionRecord SelfService(CustomerId customer, double hours, SelfServiceOutcome outcome) =>
        new(default, customer, At(hours), Channel.SelfService, InteractionDirection.Inbound, AuthorType.Customer)
        {
            Kind = InteractionKind.SelfServiceSession,
            SelfServiceOutcome = outcome,
        };

    private static InteractionRecord Bot(CustomerId customer, double hours, SelfServiceOutcome outcome, Channel channel) =>
        new(default, customer, At(hours), channel, InteractionDirection.Inbound, AuthorType.Bot)
        {
            Kind = InteractionKind.BotConversation,
            SelfServiceOutcome = outcome,
        };
}
