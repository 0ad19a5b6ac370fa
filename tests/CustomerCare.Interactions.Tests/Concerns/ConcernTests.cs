using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using NodaTime;

namespace CustomerCare.Interactions.Tests.Concerns;

public class ConcernTests
{
    private static readonly Instant At = Harness.Start.Plus(Duration.FromHours(2));

    public static TheoryData<ConcernStatus, string, ConcernStatus?> Transitions => new()
    {
        { ConcernStatus.Open, "resolve", ConcernStatus.Resolved },
        { ConcernStatus.Open, "close", ConcernStatus.Closed },
        { ConcernStatus.Open, "reopen", null },
        { ConcernStatus.Resolved, "resolve", null },
        { ConcernStatus.Resolved, "close", ConcernStatus.Closed },
        { ConcernStatus.Resolved, "reopen", ConcernStatus.Open },
        { ConcernStatus.Closed, "resolve", null },
        { ConcernStatus.Closed, "close", null },
        { ConcernStatus.Closed, "reopen", ConcernStatus.Open },
        { ConcernStatus.Merged, "resolve", null },
        { ConcernStatus.Merged, "close", null },
        { ConcernStatus.Merged, "reopen", null },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void StatusChange_Table(ConcernStatus from, string action, ConcernStatus? expected)
    {
        var concern = NewConcern() with { Status = from };

        var change = action switch
        {
            "resolve" => concern.Resolve(At),
            "close" => concern.Close(At),
            _ => concern.Reopen(At),
        };

        Assert.Equal(expected is not null, change.Succeeded);
        Assert.Equal(expected ?? from, change.Concern.Status);
        Assert.Equal(expected is null, change.RejectionReason is not null);
    }

    [Fact]
    public void StatusChange_SetsTimestampsAndCounts()
    {
        var concern = NewConcern();

        var resolved = concern.Resolve(At).Concern;
        var closed = resolved.Close(At.Plus(Duration.FromHours(1))).Concern;
        var reopened = closed.Reopen(At.Plus(Duration.FromHours(2))).Concern;

        Assert.Equal(At, resolved.ResolvedAt);
        Assert.Equal(At.Plus(Duration.FromHours(1)), closed.ClosedAt);
        Assert.Equal((At.Plus(Duration.FromHours(2)), 1), (reopened.ReopenedAt!.Value, reopened.ReopenCount));
        Assert.Equal(concern.Version, reopened.Version);
    }

    [Fact]
    public void Rejection_NamesConcernAndStatus()
    {
        var concern = NewConcern() with { Status = ConcernStatus.Merged, MergedInto = ConcernId.New(Harness.Start) };

        var change = concern.Reopen(At);

        Assert.Contains(concern.Id.ToString(), change.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("reopen that concern instead", change.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_ByIdAndVersion()
    {
        var concern = NewConcern();

        Assert.Equal(concern, concern with { Subject = "other" });
        Assert.NotEqual(concern, concern with { Version = 2 });
    }

    private static Concern NewConcern() => new()
    {
        Id = ConcernId.New(Harness.Start),
        CustomerId = CustomerId.New(Harness.Start),
        OpenedAt = Harness.Start,
        LastActivityAt = Harness.Start,
    };
}
