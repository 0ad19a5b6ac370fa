using CustomerCare.DueWork;
using CustomerCare.Testing.DueWork;
using NodaTime;

namespace CustomerCare.Testing.Tests.DueWork;

public class InMemoryWorkQueueTests : WorkQueueConformanceTests
{
    protected override ValueTask<IWorkQueue> CreateQueueAsync() => ValueTask.FromResult<IWorkQueue>(new InMemoryWorkQueue());

    [Fact]
    public async Task Schedule_NanosecondDueAt_TruncatedToMicrosecond()
    {
        var queue = new InMemoryWorkQueue();
        var due = Now + Duration.FromNanoseconds(1_999);

        await queue.ScheduleAsync(new WorkItem("a", "k", due, ""), TestContext.Current.CancellationToken);

        Assert.Equal(Now + Duration.FromNanoseconds(1_000), await queue.GetNextDueAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PendingCount_ExcludesFinished()
    {
        var queue = new InMemoryWorkQueue();
        await queue.ScheduleAsync(new WorkItem("a", "k", Now, ""), TestContext.Current.CancellationToken);
        await queue.ScheduleAsync(new WorkItem("b", "k", Now, ""), TestContext.Current.CancellationToken);

        await queue.CancelAsync("a", TestContext.Current.CancellationToken);

        Assert.Equal(1, queue.PendingCount);
    }
}
