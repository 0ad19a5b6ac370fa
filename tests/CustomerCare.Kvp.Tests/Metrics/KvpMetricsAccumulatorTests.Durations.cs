using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using NodaTime;
using static CustomerCare.Kvp.Tests.History;

namespace CustomerCare.Kvp.Tests.Metrics;

public partial class KvpMetricsAccumulatorTests
{
    private readonly History _history = new();

    private static KvpMetricsAccumulator CreateSut(Action<KvpMetricsOptions>? configure = null)
    {
        var options = new KvpMetricsOptions { BusinessCalendar = OfficeHoursCalendar.Utc };
        configure?.Invoke(options);
        return new KvpMetricsAccumulator(options);
    }

    [Fact]
    public void FirstResponseTime_NoReplyYet_IsNull()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));

        var metric = sut.Snapshot(At(48)).FirstResponseTime;

        Assert.Equal(0, metric.Calendar.Count);
        Assert.Null(metric.Calendar.Median);
        Assert.Null(metric.Calendar.Mean);
        Assert.Null(metric.Business!.Value.P90);
    }

    [Theory]
    [InlineData(AuthorType.Bot, true)]
    [InlineData(AuthorType.AutoReply, true)]
    [InlineData(AuthorType.Person, false)]
    public void FirstResponseTime_BotsAutoRepliesAndNotes_DoNotCount(AuthorType author, bool isPublic)
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(Reply(concern, 0.01, author, isPublic));
        sut.Add(Reply(concern, 2));

        var metric = sut.Snapshot(At(48)).FirstResponseTime;

        Assert.Equal(1, metric.Calendar.Count);
        Assert.Equal(Duration.FromHours(2), metric.Calendar.Median);
    }

    [Fact]
    public void FirstResponseTime_OpenedByPerson_UsesSecondPublicMessage()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(Reply(concern, 0));
        sut.Add(CustomerMessage(concern, 1));
        sut.Add(Reply(concern, 3));

        var metric = sut.Snapshot(At(48)).FirstResponseTime;

        Assert.Equal(Duration.FromHours(3), metric.Calendar.Mean);
    }

    [Fact]
    public void FirstResponseTime_OverWeekend_BusinessTimeCountsOfficeHoursOnly()
    {
        // Opened Friday 16:00, answered Monday 10:00: 66 hours elapsed, 1 + 1 = 2 business hours.
        var sut = CreateSut();
        var concern = _history.NewConcern();
        var friday = Instant.FromUtc(2026, 3, 6, 16, 0);
        sut.Add(ConcernEvent.Opened(concern, friday, default, Channel.Email));
        sut.Add(new InteractionRecord(concern, default, friday, Channel.Email, InteractionDirection.Inbound, AuthorType.Customer));
        sut.Add(new InteractionRecord(concern, default, Instant.FromUtc(2026, 3, 9, 10, 0), Channel.Email, InteractionDirection.Outbound, AuthorType.Person));

        var metric = sut.Snapshot(Instant.FromUtc(2026, 3, 20, 0, 0)).FirstResponseTime;

        Assert.Equal(Duration.FromHours(66), metric.Calendar.Median);
        Assert.Equal(Duration.FromHours(2), metric.Business!.Value.Median);
    }

    [Fact]
    public void FirstResponseTime_WithoutCalendar_HasNoBusinessVariant()
    {
        var sut = new KvpMetricsAccumulator(new KvpMetricsOptions());
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(Reply(concern, 1));

        var metric = sut.Snapshot(At(2)).FirstResponseTime;

        Assert.Equal(1, metric.Calendar.Count);
        Assert.Null(metric.Business);
    }

    [Fact]
    public void NextResponseTime_MeasuresFromOldestUnansweredMessage()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(Reply(concern, 1));
        sut.Add(CustomerMessage(concern, 2));
        sut.Add(CustomerMessage(concern, 2.5));
        sut.Add(Reply(concern, 5));

        var metric = sut.Snapshot(At(48)).NextResponseTime;

        Assert.Equal(2, metric.Calendar.Count);
        Assert.Equal(Duration.FromHours(2), metric.Calendar.Mean);
    }

    [Fact]
    public void ResolutionTimes_AfterReopen_FirstAndFullDiffer()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(ConcernEvent.Resolved(concern, At(2)));
        sut.Add(ConcernEvent.Reopened(concern, At(3)));
        sut.Add(ConcernEvent.Resolved(concern, At(6)));
        sut.Add(ConcernEvent.Closed(concern, At(30)));

        var snapshot = sut.Snapshot(At(48));

        Assert.Equal(Duration.FromHours(2), snapshot.FirstResolutionTime.Calendar.Median);
        Assert.Equal(Duration.FromHours(6), snapshot.FullResolutionTime.Calendar.Median);
    }

    [Fact]
    public void FullResolutionTime_BeforeClose_IsNull()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(ConcernEvent.Resolved(concern, At(2)));

        var snapshot = sut.Snapshot(At(3));

        Assert.Equal(1, snapshot.FirstResolutionTime.Calendar.Count);
        Assert.Null(snapshot.FullResolutionTime.Calendar.Median);
    }

    [Fact]
    public void WaitTimes_SplitByStatus()
    {
        // New 1 h, Open 2 h, Pending 3 h, OnHold 4 h, Open 1 h from Monday 09:00, then resolved: requester 1 + 2 + 4 + 1 = 8 h.
        // In business time the day ends at 17:00, two hours into OnHold, so the requester waited 1 + 2 + 2 = 5 business hours.
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(ConcernEvent.StateChanged(concern, At(1), ConcernStatus.Open));
        sut.Add(ConcernEvent.StateChanged(concern, At(3), ConcernStatus.Pending));
        sut.Add(ConcernEvent.StateChanged(concern, At(6), ConcernStatus.OnHold));
        sut.Add(ConcernEvent.StateChanged(concern, At(10), ConcernStatus.Open));
        sut.Add(ConcernEvent.Resolved(concern, At(11)));
        sut.Add(ConcernEvent.Closed(concern, At(20)));

        var snapshot = sut.Snapshot(At(48));

        Assert.Equal(Duration.FromHours(8), snapshot.RequesterWaitTime.Calendar.Mean);
        Assert.Equal(Duration.FromHours(3), snapshot.AgentWaitTime.Calendar.Mean);
        Assert.Equal(Duration.FromHours(4), snapshot.OnHoldTime.Calendar.Mean);
        Assert.Equal(Duration.FromHours(5), snapshot.RequesterWaitTime.Business!.Value.Mean);
    }

    [Fact]
    public void HandleTime_UsesRecordedWorkTimeNotConcernAge()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0) with { Kind = InteractionKind.Call });
        sut.Add(Reply(concern, 100) with { WorkTime = Duration.FromMinutes(6) });
        sut.Add(Reply(concern, 200) with { WorkTime = Duration.FromMinutes(10) });

        var snapshot = sut.Snapshot(At(300));

        Assert.Equal(Duration.FromMinutes(8), snapshot.HandleTime.Calendar.Mean);
        Assert.Null(snapshot.HandleTime.Business);
        Assert.Equal(Duration.FromMinutes(8), snapshot.Channels.Single().HandleTime.Mean);
    }
}
