using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using NodaTime;
using static CustomerCare.Kvp.Tests.History;

namespace CustomerCare.Kvp.Tests.Metrics;

public partial class KvpMetricsAccumulatorTests
{
    [Fact]
    public void Add_SentBeforeReceived_CountedAndClampedToZero()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 24));
        sut.Add(ConcernEvent.Resolved(concern, At(0)) with { Position = 17 });

        var snapshot = sut.Snapshot(At(48));

        Assert.Equal(1, snapshot.BadRecordCounts[BadRecordKind.OutOfOrder]);
        var bad = Assert.Single(snapshot.BadRecords);
        Assert.Equal(17, bad.Position);
        Assert.Equal(concern, bad.Concern);
        Assert.Equal(Duration.Zero, snapshot.FirstResolutionTime.Calendar.Median);
        Assert.Equal(Duration.Zero, snapshot.FirstResolutionTime.Business!.Value.Median);
    }

    [Fact]
    public void Add_EventForUnknownConcern_CountedNotApplied()
    {
        var sut = CreateSut();

        sut.Add(ConcernEvent.Resolved(_history.NewConcern(), At(1)));
        sut.Add(CustomerMessage(_history.NewConcern(), 1));

        var snapshot = sut.Snapshot(At(2));
        Assert.Equal(2, snapshot.BadRecordCounts[BadRecordKind.UnknownConcern]);
        Assert.Equal(0, snapshot.FirstResolutionTime.Calendar.Count);
        Assert.Equal(1, snapshot.CustomerContacts);
    }

    [Fact]
    public void Add_UndefinedStatus_CountedAsUnknownValue()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));

        sut.Add(ConcernEvent.StateChanged(concern, At(1), (ConcernStatus)42));

        var snapshot = sut.Snapshot(At(2));
        Assert.Equal(1, snapshot.BadRecordCounts[BadRecordKind.UnknownValue]);
        Assert.Equal(1, snapshot.UnresolvedConcerns);
    }

    [Fact]
    public void Add_ChangeOfClosedConcern_CountedAsInvalidTransition()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(ConcernEvent.Closed(concern, At(1)));

        sut.Add(ConcernEvent.StateChanged(concern, At(2), ConcernStatus.Open));
        sut.Add(ConcernEvent.Reopened(concern, At(3)));

        var snapshot = sut.Snapshot(At(4));
        Assert.Equal(2, snapshot.BadRecordCounts[BadRecordKind.InvalidTransition]);
        Assert.Equal(0, snapshot.UnresolvedConcerns);
    }

    [Fact]
    public void Add_DuplicateOpen_CountedOnce()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));

        sut.Add(Opened(concern, 1));

        var snapshot = sut.Snapshot(At(2));
        Assert.Equal(1, snapshot.ConcernsOpened);
        Assert.Equal(1, snapshot.BadRecordCounts[BadRecordKind.DuplicateOpen]);
    }

    [Fact]
    public void Add_SurveyOutOfScale_OtherAnswersStillCount()
    {
        var sut = CreateSut();

        sut.Add(new InteractionRecord(default, default, At(0), Channel.Web, InteractionDirection.Inbound, AuthorType.Customer)
        {
            Kind = InteractionKind.SurveyResponse,
            Survey = new SurveyAnswers(Satisfaction: 9, Recommendation: 10),
        });

        var snapshot = sut.Snapshot(At(1));
        Assert.Equal(1, snapshot.BadRecordCounts[BadRecordKind.InvalidSurveyAnswer]);
        Assert.Equal(0, snapshot.Surveys.Csat.Denominator);
        Assert.Equal(1, snapshot.Surveys.Promoters);
    }

    [Fact]
    public void Add_NegativeWorkTimeOrMissingChannel_Counted()
    {
        var sut = CreateSut();

        sut.Add(Reply(default, 0) with { WorkTime = Duration.FromMinutes(-5) });
        sut.Add(new InteractionRecord(default, default, At(0), default, InteractionDirection.Inbound, AuthorType.Customer));
        sut.Add(new SlaOutcomeRecord(_history.NewConcern(), " ", SlaOutcome.Met, At(0)));

        var snapshot = sut.Snapshot(At(1));
        Assert.Equal(1, snapshot.BadRecordCounts[BadRecordKind.NegativeWorkTime]);
        Assert.Equal(2, snapshot.BadRecordCounts[BadRecordKind.MissingField]);
        Assert.Equal(0, snapshot.HandleTime.Calendar.Count);
        Assert.Equal(3, snapshot.TotalBadRecords);
    }

    [Fact]
    public void BadRecords_BeyondSampleLimit_CountedButNotKept()
    {
        var sut = CreateSut(o => o.MaxBadRecordSamples = 2);

        for (var i = 0; i < 5; i++)
        {
            sut.Add(ConcernEvent.Resolved(_history.NewConcern(), At(i)));
        }

        var snapshot = sut.Snapshot(At(6));
        Assert.Equal(5, snapshot.TotalBadRecords);
        Assert.Equal(2, snapshot.BadRecords.Count);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var options = new KvpMetricsOptions
        {
            FirstContactResolutionWindow = Duration.Zero,
            BotVerificationWindow = Duration.FromHours(-1),
            MaxBadRecordSamples = -1,
            CostModel = new CostModel { Currency = " " },
        };
        options.BacklogAgeBucketStarts.Add(Duration.FromDays(2));

        var error = Assert.Throws<CustomerCareValidationException>(() => new KvpMetricsAccumulator(options));

        Assert.Contains(error.Errors, e => e.Path == nameof(KvpMetricsOptions.FirstContactResolutionWindow));
        Assert.Contains(error.Errors, e => e.Path == nameof(KvpMetricsOptions.BotVerificationWindow));
        Assert.Contains(error.Errors, e => e.Path == nameof(KvpMetricsOptions.MaxBadRecordSamples));
        Assert.Contains(error.Errors, e => e.Path == "BacklogAgeBucketStarts[3]");
        Assert.Contains(error.Errors, e => e.Path == "CostModel.Currency");
        Assert.Contains(error.Errors, e => e.Path == "CostModel" && e.Problem.Contains("first level", StringComparison.Ordinal));
    }
}
