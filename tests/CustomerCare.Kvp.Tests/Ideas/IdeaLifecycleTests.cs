using CustomerCare.Core;
using CustomerCare.Kvp.Effects;
using CustomerCare.Kvp.Ideas;
using NodaTime;

namespace CustomerCare.Kvp.Tests.Ideas;

public class IdeaLifecycleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IdeaLifecycle _lifecycle = new();

    [Fact]
    public void Fire_HappyPath_ReachesClosedWithFeedbackPerStep()
    {
        var idea = NewIdea().WithEvidence(IdeaEvidence.ForContactReason(ContactReason.Parse("billing/refund")));
        var effect = EffectCheck.CompareVolume(new Interval(Now, Now + Duration.FromDays(7)), 100, new Interval(Now + Duration.FromDays(7), Now + Duration.FromDays(14)), 70);

        foreach (var trigger in new[] { IdeaTrigger.StartScreening, IdeaTrigger.Evaluate, IdeaTrigger.Approve, IdeaTrigger.StartImplementation, IdeaTrigger.CompleteImplementation })
        {
            idea = Fire(idea, trigger);
        }

        idea = Fire(idea.WithEffect(effect), IdeaTrigger.RecordEffect);
        idea = Fire(idea, IdeaTrigger.Close);

        Assert.Equal(IdeaState.Closed, idea.State);
        Assert.Equal(7, idea.Feedback.Length);
        Assert.Equal(Now, idea.ImplementedAt);
        Assert.All(idea.Feedback, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Theory]
    [InlineData(IdeaState.Submitted, IdeaTrigger.Approve, "does not accept")]
    [InlineData(IdeaState.Evaluation, IdeaTrigger.Approve, "evidence")]
    [InlineData(IdeaState.Evaluation, IdeaTrigger.Reject, "note")]
    [InlineData(IdeaState.Implemented, IdeaTrigger.RecordEffect, "effect")]
    public void Fire_UnmetGuardOrWrongState_RejectedResult(IdeaState state, IdeaTrigger trigger, string reason)
    {
        var idea = MoveTo(state);

        var result = _lifecycle.Fire(idea, trigger, Now);

        Assert.False(result.Succeeded);
        Assert.Same(idea, result.Idea);
        Assert.Contains(reason, result.RejectionReason, StringComparison.Ordinal);
        Assert.Null(result.Feedback);
    }

    [Fact]
    public void Fire_RejectWithNote_GivesNoteToSubmitter()
    {
        var result = _lifecycle.Fire(MoveTo(IdeaState.Screening), IdeaTrigger.Reject, Now, "Duplicate of the refund form idea.");

        Assert.True(result.Succeeded);
        Assert.Equal("Duplicate of the refund form idea.", result.Feedback!.Value.Message);
        Assert.Equal([IdeaTrigger.Close], result.PermittedTriggers);
    }

    [Fact]
    public void Fire_ParkedIdea_CanReturnToEvaluation()
    {
        var parked = Fire(MoveTo(IdeaState.Evaluation), IdeaTrigger.Park, "Next quarter.");

        var resumed = Fire(parked, IdeaTrigger.Evaluate);

        Assert.Equal(IdeaState.Evaluation, resumed.State);
    }

    [Fact]
    public async Task Fire_FromManyThreads_EachCallIndependent()
    {
        var idea = MoveTo(IdeaState.Evaluation);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            _lifecycle.Fire(i % 2 == 0 ? idea : idea.WithEvidence(IdeaEvidence.ForMetric($"metric {i}")), IdeaTrigger.Approve, Now))));

        Assert.Equal(8, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal(IdeaState.Approved, r.Idea.State));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(IdeaState.Evaluation, r.Idea.State));
        Assert.Equal(IdeaState.Evaluation, idea.State);
    }

    [Fact]
    public void ToMermaid_ListsEveryState()
    {
        var graph = IdeaLifecycle.ToMermaid();

        foreach (var state in Enum.GetNames<IdeaState>())
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
        }
    }

    private ImprovementIdea MoveTo(IdeaState state)
    {
        var idea = NewIdea();
        var path = new[] { IdeaTrigger.StartScreening, IdeaTrigger.Evaluate, IdeaTrigger.Approve, IdeaTrigger.StartImplementation, IdeaTrigger.CompleteImplementation };
        var states = new[] { IdeaState.Screening, IdeaState.Evaluation, IdeaState.Approved, IdeaState.InImplementation, IdeaState.Implemented };
        for (var i = 0; idea.State != state; i++)
        {
            idea = Fire(i == 2 ? idea.WithEvidence(IdeaEvidence.ForMetric("csat 70 %")) : idea, path[i]);
            Assert.Equal(states[i], idea.State);
        }

        return idea;
    }

    private ImprovementIdea Fire(ImprovementIdea idea, IdeaTrigger trigger, string? note = null)
    {
        var result = _lifecycle.Fire(idea, trigger, Now, note);
        Assert.True(result.Succeeded, result.RejectionReason);
        return result.Idea;
    }

    private static ImprovementIdea NewIdea() =>
        ImprovementIdea.Submit(new IdeaId(new Guid("00000000-0000-7000-8000-000000000042")), "Refund form", "Make the refund form easy to find.", "agt_1", Now);
}
