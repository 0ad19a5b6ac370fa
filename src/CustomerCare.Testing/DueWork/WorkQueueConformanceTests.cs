using CustomerCare.DueWork;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.DueWork;

/// <summary>
/// The tests that every <see cref="IWorkQueue"/> implementation must pass. Derive a test class, return a new, empty
/// queue from <see cref="CreateQueueAsync"/>, and the tests run against it.
/// </summary>
/// <remarks>
/// The tests use instants with whole microseconds, the precision that every CustomerCare store keeps.
/// </remarks>
public abstract class WorkQueueConformanceTests
{
    /// <summary>The instant the tests treat as "now": Monday 5 January 2026, 09:00 UTC.</summary>
    protected static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 9, 0);

    private static readonly Duration Lease = Duration.FromMinutes(5);

    private static readonly Duration OneMicrosecond = Duration.FromTicks(10);

    /// <summary>Creates a new, empty queue for one test.</summary>
    /// <returns>The queue under test.</returns>
    protected abstract ValueTask<IWorkQueue> CreateQueueAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static WorkItem Item(string key, Instant due, string payload = "{}", string kind = "test.kind") => new(key, kind, due, payload);

    /// <summary>A new key is added.</summary>
    [Fact]
    public async Task Schedule_NewKey_Added()
    {
        var queue = await CreateQueueAsync();

        var outcome = await queue.ScheduleAsync(Item("a", Now), Cancel);

        Assert.Equal(ScheduleOutcome.Added, outcome);
        Assert.Equal(Now, await queue.GetNextDueAsync(Cancel));
    }

    /// <summary>The same item twice is one item.</summary>
    [Fact]
    public async Task Schedule_SameItemTwice_Unchanged()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);

        var outcome = await queue.ScheduleAsync(Item("a", Now), Cancel);
        var leased = await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel);

        Assert.Equal(ScheduleOutcome.Unchanged, outcome);
        Assert.Single(leased);
    }

    /// <summary>A pending key takes the new due instant and payload.</summary>
    [Fact]
    public async Task Schedule_PendingKey_Updated()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);

        var outcome = await queue.ScheduleAsync(Item("a", Now + Duration.FromHours(1), "{\"v\":2}", "other.kind"), Cancel);
        var early = await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel);
        var late = await queue.LeaseAsync(Now + Duration.FromHours(1), "w1", Lease, 10, Cancel);

        Assert.Equal(ScheduleOutcome.Updated, outcome);
        Assert.Empty(early);
        var lease = Assert.Single(late);
        Assert.Equal("{\"v\":2}", lease.Item.Payload);
        Assert.Equal("other.kind", lease.Item.Kind);
    }

    /// <summary>A completed key is never scheduled again.</summary>
    [Fact]
    public async Task Schedule_CompletedKey_AlreadyFinished()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);
        var lease = Assert.Single(await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel));
        await queue.CompleteAsync(lease, Now, Cancel);

        var outcome = await queue.ScheduleAsync(Item("a", Now + Duration.FromDays(1)), Cancel);

        Assert.Equal(ScheduleOutcome.AlreadyFinished, outcome);
        Assert.Null(await queue.GetNextDueAsync(Cancel));
    }

    /// <summary>A cancelled key is never leased and never scheduled again.</summary>
    [Fact]
    public async Task Cancel_PendingKey_StaysFinished()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);

        var cancelled = await queue.CancelAsync("a", Cancel);
        var again = await queue.CancelAsync("a", Cancel);
        var outcome = await queue.ScheduleAsync(Item("a", Now), Cancel);

        Assert.True(cancelled);
        Assert.False(again);
        Assert.Equal(ScheduleOutcome.AlreadyFinished, outcome);
        Assert.Empty(await queue.LeaseAsync(Now + Duration.FromDays(1), "w1", Lease, 10, Cancel));
    }

    /// <summary>Cancelling an unknown key does nothing.</summary>
    [Fact]
    public async Task Cancel_UnknownKey_False()
    {
        var queue = await CreateQueueAsync();

        Assert.False(await queue.CancelAsync("missing", Cancel));
    }

    /// <summary>Cancelling a leased item ends the lease.</summary>
    [Fact]
    public async Task Cancel_LeasedItem_CompleteFails()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);
        var lease = Assert.Single(await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel));

        Assert.True(await queue.CancelAsync("a", Cancel));
        Assert.False(await queue.CompleteAsync(lease, Now, Cancel));
    }

    /// <summary>Nothing is leased before it is due.</summary>
    [Fact]
    public async Task Lease_NotYetDue_Empty()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now + OneMicrosecond), Cancel);

        Assert.Empty(await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel));
        Assert.Single(await queue.LeaseAsync(Now + OneMicrosecond, "w1", Lease, 10, Cancel));
    }

    /// <summary>Due items come earliest first, then by key, and at most the maximum.</summary>
    [Fact]
    public async Task Lease_OrdersByDueThenKey()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("c", Now - Duration.FromMinutes(1)), Cancel);
        await queue.ScheduleAsync(Item("b", Now - Duration.FromMinutes(2)), Cancel);
        await queue.ScheduleAsync(Item("a", Now - Duration.FromMinutes(1)), Cancel);
        await queue.ScheduleAsync(Item("d", Now - Duration.FromMinutes(3)), Cancel);

        var first = await queue.LeaseAsync(Now, "w1", Lease, 3, Cancel);
        var rest = await queue.LeaseAsync(Now, "w1", Lease, 3, Cancel);

        Assert.Equal(["d", "b", "a"], first.Select(l => l.Item.Key));
        Assert.Equal(["c"], rest.Select(l => l.Item.Key));
    }

    /// <summary>A lease is exclusive until it ends, and then another worker takes the item.</summary>
    [Fact]
    public async Task Lease_ExpiredLease_GoesToOtherWorker()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);
        var first = Assert.Single(await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel));

        var during = await queue.LeaseAsync(Now + Lease - OneMicrosecond, "w2", Lease, 10, Cancel);
        var after = await queue.LeaseAsync(Now + Lease, "w2", Lease, 10, Cancel);

        Assert.Equal(1, first.Attempt);
        Assert.Equal(Now + Lease, first.LeasedUntil);
        Assert.Empty(during);
        var second = Assert.Single(after);
        Assert.Equal("w2", second.Owner);
        Assert.Equal(2, second.Attempt);
        Assert.False(await queue.CompleteAsync(first, Now + Lease, Cancel));
        Assert.True(await queue.CompleteAsync(second, Now + Lease, Cancel));
    }

    /// <summary>A completed item is never leased again.</summary>
    [Fact]
    public async Task Complete_CurrentLease_Finishes()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);
        var lease = Assert.Single(await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel));

        Assert.True(await queue.CompleteAsync(lease, Now, Cancel));
        Assert.False(await queue.CompleteAsync(lease, Now, Cancel));
        Assert.Empty(await queue.LeaseAsync(Now + Duration.FromDays(1), "w1", Lease, 10, Cancel));
        Assert.Null(await queue.GetNextDueAsync(Cancel));
    }

    /// <summary>A released item is due again at the retry instant.</summary>
    [Fact]
    public async Task Release_ItemDueAtRetry()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("a", Now), Cancel);
        var lease = Assert.Single(await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel));
        var retryAt = Now + Duration.FromSeconds(30);

        Assert.True(await queue.ReleaseAsync(lease, retryAt, Cancel));

        Assert.Equal(retryAt, await queue.GetNextDueAsync(Cancel));
        Assert.Empty(await queue.LeaseAsync(retryAt - OneMicrosecond, "w2", Lease, 10, Cancel));
        var again = Assert.Single(await queue.LeaseAsync(retryAt, "w2", Lease, 10, Cancel));
        Assert.Equal(2, again.Attempt);
        Assert.False(await queue.ReleaseAsync(lease, retryAt, Cancel));
    }

    /// <summary>The next due instant is the earliest due item, or the end of a lease that is still running.</summary>
    [Fact]
    public async Task GetNextDue_CountsLeaseEnd()
    {
        var queue = await CreateQueueAsync();
        Assert.Null(await queue.GetNextDueAsync(Cancel));
        await queue.ScheduleAsync(Item("a", Now), Cancel);
        await queue.ScheduleAsync(Item("b", Now + Duration.FromMinutes(10)), Cancel);

        await queue.LeaseAsync(Now, "w1", Lease, 1, Cancel);

        Assert.Equal(Now + Lease, await queue.GetNextDueAsync(Cancel));
    }

    /// <summary>Purging deletes finished items older than the cutoff, and their keys can then be scheduled again.</summary>
    [Fact]
    public async Task Purge_OldFinished_Deleted()
    {
        var queue = await CreateQueueAsync();
        await queue.ScheduleAsync(Item("old", Now), Cancel);
        await queue.ScheduleAsync(Item("new", Now), Cancel);
        await queue.ScheduleAsync(Item("pending", Now + Duration.FromDays(1)), Cancel);
        var leases = await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel);
        await queue.CompleteAsync(leases.Single(l => l.Item.Key == "old"), Now, Cancel);
        await queue.CompleteAsync(leases.Single(l => l.Item.Key == "new"), Now + Duration.FromHours(2), Cancel);

        var purged = await queue.PurgeFinishedAsync(Now + Duration.FromHours(1), Cancel);

        Assert.Equal(1, purged);
        Assert.Equal(ScheduleOutcome.Added, await queue.ScheduleAsync(Item("old", Now), Cancel));
        Assert.Equal(ScheduleOutcome.AlreadyFinished, await queue.ScheduleAsync(Item("new", Now), Cancel));
        Assert.Equal(ScheduleOutcome.Unchanged, await queue.ScheduleAsync(Item("pending", Now + Duration.FromDays(1)), Cancel));
    }

    /// <summary>Payloads come back exactly, including non-ASCII text and large documents.</summary>
    [Fact]
    public async Task Payload_RoundTripsExactly()
    {
        var queue = await CreateQueueAsync();
        var large = "{\"text\":\"" + new string('x', 100_000) + "\"}";
        await queue.ScheduleAsync(Item("unicode", Now, "{\"name\":\"Zoë Müller 日本\"}"), Cancel);
        await queue.ScheduleAsync(Item("large", Now, large), Cancel);
        await queue.ScheduleAsync(Item("empty", Now, string.Empty), Cancel);

        var leases = (await queue.LeaseAsync(Now, "w1", Lease, 10, Cancel)).ToDictionary(l => l.Item.Key);

        Assert.Equal("{\"name\":\"Zoë Müller 日本\"}", leases["unicode"].Item.Payload);
        Assert.Equal(large, leases["large"].Item.Payload);
        Assert.Equal(string.Empty, leases["empty"].Item.Payload);
    }

    /// <summary>Instants before 1970 and far in the future are kept to the microsecond.</summary>
    [Fact]
    public async Task DueAt_KeepsMicroseconds()
    {
        var queue = await CreateQueueAsync();
        var past = Instant.FromUtc(1969, 7, 20, 20, 17, 40) + Duration.FromTicks(1_234_560);
        var future = Instant.FromUtc(2199, 12, 31, 23, 59, 59) + Duration.FromTicks(9_999_990);
        await queue.ScheduleAsync(Item("past", past), Cancel);
        await queue.ScheduleAsync(Item("future", future), Cancel);

        var leases = await queue.LeaseAsync(future, "w1", Lease, 10, Cancel);

        Assert.Equal([past, future], leases.Select(l => l.Item.DueAt));
    }

    /// <summary>Bad arguments are rejected before anything is stored.</summary>
    [Fact]
    public async Task BadArguments_Rejected()
    {
        var queue = await CreateQueueAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await queue.ScheduleAsync(null!, Cancel));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await queue.CancelAsync(" ", Cancel));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await queue.LeaseAsync(Now, "", Lease, 1, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.LeaseAsync(Now, "w1", Duration.Zero, 1, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.LeaseAsync(Now, "w1", Lease, 0, Cancel));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await queue.CompleteAsync(null!, Now, Cancel));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await queue.ReleaseAsync(null!, Now, Cancel));
        Assert.Null(await queue.GetNextDueAsync(Cancel));
    }

    /// <summary>Callers that schedule the same key at the same moment create one item.</summary>
    [Fact]
    public async Task Schedule_ConcurrentSameKey_OneItem()
    {
        var queue = await CreateQueueAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(async () => await queue.ScheduleAsync(Item("same", Now), Cancel), Cancel)));

        Assert.Single(outcomes, o => o == ScheduleOutcome.Added);
        Assert.All(outcomes.Where(o => o != ScheduleOutcome.Added), o => Assert.Equal(ScheduleOutcome.Unchanged, o));
        Assert.Single(await queue.LeaseAsync(Now, "w1", Lease, 100, Cancel));
    }

    /// <summary>Workers that lease at the same moment never receive the same item, and each item completes once.</summary>
    [Fact]
    public async Task Lease_ConcurrentWorkers_EachItemOnce()
    {
        var queue = await CreateQueueAsync();
        const int Items = 200;
        for (var i = 0; i < Items; i++)
        {
            await queue.ScheduleAsync(Item($"item-{i:D4}", Now - Duration.FromSeconds(i % 7)), Cancel);
        }

        var completed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(
            async () =>
            {
                while (true)
                {
                    var leases = await queue.LeaseAsync(Now, $"w{worker}", Lease, 7, Cancel);
                    if (leases.Count == 0)
                    {
                        return;
                    }

                    foreach (var lease in leases)
                    {
                        Assert.True(await queue.CompleteAsync(lease, Now, Cancel));
                        completed.Add(lease.Item.Key);
                    }
                }
            },
            Cancel)));

        Assert.Equal(Items, completed.Count);
        Assert.Equal(Items, completed.Distinct().Count());
        Assert.Null(await queue.GetNextDueAsync(Cancel));
    }
}
