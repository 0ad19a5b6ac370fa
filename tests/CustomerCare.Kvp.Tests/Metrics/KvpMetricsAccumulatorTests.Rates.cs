using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using NodaTime;
using static CustomerCare.Kvp.Tests.History;

namespace CustomerCare.Kvp.Tests.Metrics;

public partial class KvpMetricsAccumulatorTests
{
    [Fact]
    public void FirstContactResolution_OneContactNoRepeat_CountsAfterWindow()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(ConcernEvent.Resolved(concern, At(1)));

        var during = sut.Snapshot(At(24));
        var after = sut.Snapshot(At(1 + (7 * 24)));

        Assert.Equal(new Ratio(0, 0), during.FirstContactResolution);
        Assert.Equal(1, during.FirstContactResolutionPending);
        Assert.Equal(new Ratio(1, 1), after.FirstContactResolution);
        Assert.Equal(0, after.FirstContactResolutionPending);
    }

    [Theory]
    [InlineData("second contact before resolution")]
    [InlineData("contact within window")]
    [InlineData("reopen")]
    [InlineData("follow-up")]
    public void FirstContactResolution_BrokenCases_CountAsNotResolved(string breaker)
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        if (breaker == "second contact before resolution")
        {
            sut.Add(CustomerMessage(concern, 0.5));
        }

        sut.Add(ConcernEvent.Resolved(concern, At(1)));
        switch (breaker)
        {
            case "contact within window":
                sut.Add(CustomerMessage(concern, 100));
                break;
            case "reopen":
                sut.Add(ConcernEvent.Reopened(concern, At(2)));
                sut.Add(ConcernEvent.Resolved(concern, At(3)));
                break;
            case "follow-up":
                sut.Add(ConcernEvent.Closed(concern, At(2)));
                sut.Add(ConcernEvent.FollowUp(_history.NewConcern(), At(50), concern, default, Channel.Email));
                break;
        }

        var snapshot = sut.Snapshot(At(30 * 24));

        Assert.Equal(new Ratio(0, 1), snapshot.FirstContactResolution);
    }

    [Fact]
    public void FirstContactResolution_ContactAfterWindow_StillResolved()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(ConcernEvent.Resolved(concern, At(1)));
        sut.Add(CustomerMessage(concern, 1 + (8 * 24)));

        var snapshot = sut.Snapshot(At(30 * 24));

        Assert.Equal(new Ratio(1, 1), snapshot.FirstContactResolution);
    }

    [Fact]
    public void FirstContactResolution_NoCustomerContact_LeftOut()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(ConcernEvent.Resolved(concern, At(1)));

        var snapshot = sut.Snapshot(At(30 * 24));

        Assert.Equal(new Ratio(0, 0), snapshot.FirstContactResolution);
        Assert.Null(snapshot.FirstContactResolution.Value);
    }

    [Fact]
    public void ReopenRate_FollowUpOfClosedConcern_CountsAsReopenOfOriginal()
    {
        var sut = CreateSut();
        var original = _history.NewConcern();
        var other = _history.NewConcern();
        sut.Add(Opened(original, 0));
        sut.Add(Opened(other, 0));
        sut.Add(ConcernEvent.Resolved(original, At(1)));
        sut.Add(ConcernEvent.Resolved(other, At(1)));
        sut.Add(ConcernEvent.Closed(original, At(2)));
        sut.Add(ConcernEvent.FollowUp(_history.NewConcern(), At(3), original, default, Channel.Email));
        sut.Add(ConcernEvent.FollowUp(_history.NewConcern(), At(4), original, default, Channel.Email));

        var snapshot = sut.Snapshot(At(5));

        Assert.Equal(new Ratio(1, 2), snapshot.ReopenRate);
        Assert.Equal(0, snapshot.FollowUpsOfForgottenConcerns);
        Assert.Equal(4, snapshot.ConcernsOpened);
    }

    [Fact]
    public void ReopenRate_FollowUpAfterRetention_CountedAsForgotten()
    {
        var sut = CreateSut(o => o.ClosedConcernRetention = Duration.FromDays(1));
        var original = _history.NewConcern();
        sut.Add(Opened(original, 0));
        sut.Add(ConcernEvent.Resolved(original, At(1)));
        sut.Add(ConcernEvent.Closed(original, At(2)));
        sut.Add(ConcernEvent.FollowUp(_history.NewConcern(), At(100), original, default, Channel.Email));

        var snapshot = sut.Snapshot(At(101));

        Assert.Equal(new Ratio(1, 1), snapshot.ReopenRate);
        Assert.Equal(1, snapshot.FollowUpsOfForgottenConcerns);
    }

    [Fact]
    public void EscalationRate_PerLevel_CountsEachConcernOnce()
    {
        var sut = CreateSut();
        var first = _history.NewConcern();
        var second = _history.NewConcern();
        sut.Add(Opened(first, 0));
        sut.Add(Opened(second, 0));
        sut.Add(ConcernEvent.Escalated(first, At(1), CompetenceLevel.SecondLevel));
        sut.Add(ConcernEvent.Escalated(first, At(2), CompetenceLevel.SecondLevel));
        sut.Add(ConcernEvent.Escalated(first, At(3), CompetenceLevel.ThirdLevel));

        var snapshot = sut.Snapshot(At(4));

        Assert.Equal(new Ratio(1, 2), snapshot.EscalationRate);
        Assert.Equal(new Ratio(1, 2), snapshot.Levels.Single(l => l.Rank == 2).EscalationRate);
        Assert.Equal(new Ratio(1, 2), snapshot.Levels.Single(l => l.Rank == 3).EscalationRate);
    }

    [Fact]
    public void SlaAttainment_PendingExcludedAndBreachFinal()
    {
        var sut = CreateSut();
        var met = _history.NewConcern();
        var breached = _history.NewConcern();
        var pending = _history.NewConcern();
        foreach (var concern in new[] { met, breached, pending })
        {
            sut.Add(Opened(concern, 0));
        }

        sut.Add(new SlaOutcomeRecord(met, "resolution", SlaOutcome.Met, At(1)));
        sut.Add(new SlaOutcomeRecord(met, "resolution", SlaOutcome.Met, At(1)));
        sut.Add(new SlaOutcomeRecord(breached, "resolution", SlaOutcome.Breached, At(2)));
        sut.Add(new SlaOutcomeRecord(breached, "resolution", SlaOutcome.Met, At(3)));
        sut.Add(new SlaOutcomeRecord(pending, "resolution", SlaOutcome.Pending, At(1)));
        sut.Add(new SlaOutcomeRecord(met, "first-response", SlaOutcome.Met, At(1)));

        var snapshot = sut.Snapshot(At(4));

        Assert.Equal(new Ratio(1, 2), snapshot.FindSlaTarget("resolution")!.Attainment);
        Assert.Equal(1, snapshot.FindSlaTarget("resolution")!.PendingReports);
        Assert.Equal(new Ratio(1, 1), snapshot.FindSlaTarget("first-response")!.Attainment);
        Assert.Equal(1, snapshot.BadRecordCounts[BadRecordKind.ConflictingSlaOutcome]);
    }

    [Fact]
    public void RepeatContactRate_ContactsWithinWindow()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0));
        sut.Add(CustomerMessage(concern, 24));
        sut.Add(CustomerMessage(concern, 24 + (8 * 24)));

        var snapshot = sut.Snapshot(At(400));

        Assert.Equal(new Ratio(1, 3), snapshot.RepeatContactRate);
    }

    [Fact]
    public void Surveys_CsatNpsCes_FollowTheirScales()
    {
        var sut = CreateSut();
        var answers = new[]
        {
            new SurveyAnswers(5, 10, 7),
            new SurveyAnswers(4, 9, 5),
            new SurveyAnswers(3, 8, 4),
            new SurveyAnswers(1, 0, 1),
        };
        sut.Add(new InteractionRecord(default, default, At(0), Channel.Email, InteractionDirection.Outbound, AuthorType.AutoReply) { Kind = InteractionKind.SurveyInvitation });
        foreach (var answer in answers)
        {
            sut.Add(new InteractionRecord(default, default, At(1), Channel.Web, InteractionDirection.Inbound, AuthorType.Customer) { Kind = InteractionKind.SurveyResponse, Survey = answer });
        }

        var surveys = sut.Snapshot(At(2)).Surveys;

        Assert.Equal(new Ratio(2, 4), surveys.Csat);
        Assert.Equal(25.0, surveys.NetPromoterScore);
        Assert.Equal(4.25, surveys.CustomerEffortScore);
        Assert.Equal(25.0, surveys.EffortNetAgreement);
        Assert.Equal(new Ratio(4, 1), surveys.ResponseRate);
    }

    [Fact]
    public void Pareto_VitalFew_ReachEightyPercent()
    {
        var sut = CreateSut();
        var volumes = new Dictionary<string, int> { ["billing/refund"] = 50, ["billing/invoice"] = 25, ["delivery/late"] = 15, ["account/login"] = 10 };
        foreach (var (reason, count) in volumes)
        {
            for (var i = 0; i < count; i++)
            {
                sut.Add(Opened(_history.NewConcern(), 0, reason: reason));
            }
        }

        var pareto = sut.Snapshot(At(1)).Pareto;

        Assert.Equal(["billing/refund", "billing/invoice", "delivery/late", "account/login"], pareto.Select(p => p.Reason.Code));
        Assert.Equal([true, true, true, false], pareto.Select(p => p.IsVitalFew));
        Assert.Equal(0.9, pareto[2].CumulativeShare, 10);
    }

    [Fact]
    public void ChannelMix_SharesOfCustomerContacts()
    {
        var sut = CreateSut();
        var concern = _history.NewConcern();
        sut.Add(Opened(concern, 0));
        sut.Add(CustomerMessage(concern, 0, channel: Channel.Email));
        sut.Add(CustomerMessage(concern, 1, channel: Channel.Phone) with { Kind = InteractionKind.Call });
        sut.Add(CustomerMessage(concern, 2, channel: Channel.Phone) with { Kind = InteractionKind.Call });
        sut.Add(Reply(concern, 3));

        var channels = sut.Snapshot(At(4)).Channels;

        Assert.Equal(Channel.Phone, channels[0].Channel);
        Assert.Equal(2.0 / 3, channels[0].Share!.Value, 10);
        Assert.Equal(1.0 / 3, channels.Single(c => c.Channel == Channel.Email).Share!.Value, 10);
    }
}
