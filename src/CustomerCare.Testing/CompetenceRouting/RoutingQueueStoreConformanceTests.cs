using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;
using Xunit;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.Testing.CompetenceRouting;

/// <summary>
/// The tests every <see cref="IRoutingQueueStore"/> must pass: versions, one entry per concern, faithful round trips,
/// paging, filters, counts and writes under concurrency. Derive a class that returns a new, empty store from
/// <see cref="CreateStore"/>.
/// </summary>
public abstract class RoutingQueueStoreConformanceTests
{
    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IRoutingQueueStore CreateStore();

    /// <summary>A new entry is stored with version 1.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_NewEntry_StartsAtVersionOne()
    {
        var store = CreateStore();

        var stored = await store.SaveAsync(Entry(1), 0);

        Assert.Equal(1, stored.Version);
        Assert.Equal(stored, await store.FindAsync(ConcernId(1)));
    }

    /// <summary>Every field of an entry survives the round trip, including offers, escalations and notes.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_FullEntry_RoundTripsEveryField()
    {
        var store = CreateStore();
        var entry = FullEntry(1);

        var stored = await store.SaveAsync(entry, 0);

        Assert.Equal(entry with { Version = 1 }, stored);
        Assert.Equal(entry with { Version = 1 }, await store.FindAsync(ConcernId(1)));
    }

    /// <summary>A write with an old version fails, names both versions and changes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_StaleVersion_ThrowsWithBothVersions()
    {
        var store = CreateStore();
        var first = await store.SaveAsync(Entry(1), 0);
        await store.SaveAsync(first with { StepIndex = 1 }, 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.SaveAsync(first with { OfferCount = 5 }, 1));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(0, (await store.FindAsync(ConcernId(1)))!.OfferCount);
    }

    /// <summary>Enqueuing a concern that is queued fails instead of queueing it twice.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_CreateExisting_Throws()
    {
        var store = CreateStore();
        await store.SaveAsync(Entry(1), 0);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.SaveAsync(Entry(1), 0));

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(1, await store.CountAsync());
    }

    /// <summary>Updating an entry that does not exist fails with no actual version.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_UpdateMissing_ThrowsWithoutActualVersion()
    {
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await CreateStore().SaveAsync(Entry(1), 2));

        Assert.Null(conflict.ActualVersion);
    }

    /// <summary>Bad arguments fail with the standard exceptions.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task BadArguments_Throw()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.SaveAsync(Entry(1), -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.RemoveAsync(ConcernId(1), 0));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.ListAsync(null!));
    }

    /// <summary>Looking up an unknown concern returns null.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Find_Unknown_ReturnsNull()
    {
        Assert.Null(await CreateStore().FindAsync(ConcernId(5)));
    }

    /// <summary>Removal checks the version and reports whether the entry existed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Remove_ChecksVersion()
    {
        var store = CreateStore();
        await store.SaveAsync(Entry(1), 0);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.RemoveAsync(ConcernId(1), 2));
        Assert.True(await store.RemoveAsync(ConcernId(1), 1));
        Assert.False(await store.RemoveAsync(ConcernId(1), 1));
        Assert.Null(await store.FindAsync(ConcernId(1)));
    }

    /// <summary>Paging returns every entry once, in concern-identifier order, and ends with no cursor.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task List_Pages_EveryEntryOnceInOrder()
    {
        var store = CreateStore();
        foreach (var number in Enumerable.Range(1, 31).Reverse())
        {
            await store.SaveAsync(Entry(number), 0);
        }

        var listed = await ListAll(store, new QueueQuery { Limit = 7 });

        Assert.Equal(Enumerable.Range(1, 31).Select(n => ConcernId(n)), listed.Select(e => e.ConcernId));
    }

    /// <summary>Status and ladder filters apply before paging, and counts agree with them.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ListAndCount_Filters()
    {
        var store = CreateStore();
        foreach (var number in Enumerable.Range(1, 20))
        {
            var entry = Entry(number) with
            {
                Status = (QueueEntryStatus)(number % 3),
                Offer = number % 3 == 1 ? new Offer(AgentId(1), Start, Start + Duration.FromMinutes(2)) : null,
                AssignedAgent = number % 3 == 2 ? AgentId(2) : null,
                Ladder = number <= 10 ? "general" : "billing",
            };
            await store.SaveAsync(entry, 0);
        }

        var offered = await ListAll(store, new QueueQuery { Status = QueueEntryStatus.Offered, Limit = 2 });
        var billingWaiting = await ListAll(store, new QueueQuery { Status = QueueEntryStatus.Waiting, Ladder = "billing", Limit = 3 });

        Assert.Equal(Enumerable.Range(1, 20).Where(n => n % 3 == 1).Select(n => ConcernId(n)), offered.Select(e => e.ConcernId));
        Assert.Equal(Enumerable.Range(11, 10).Where(n => n % 3 == 0).Select(n => ConcernId(n)), billingWaiting.Select(e => e.ConcernId));
        Assert.Equal(20, await store.CountAsync());
        Assert.Equal(offered.Count, await store.CountAsync(QueueEntryStatus.Offered));
        Assert.Equal(billingWaiting.Count, await store.CountAsync(QueueEntryStatus.Waiting, "billing"));
        Assert.Equal(10, await store.CountAsync(ladder: "general"));
    }

    /// <summary>Writes between pages neither duplicate nor drop entries that exist for the whole listing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task List_WritesBetweenPages_NoDuplicatesOrGaps()
    {
        var store = CreateStore();
        foreach (var number in Enumerable.Range(1, 15))
        {
            await store.SaveAsync(Entry(number), 0);
        }

        var listed = new List<ConcernId>();
        ConcernId? after = null;
        var added = 100;
        do
        {
            var page = await store.ListAsync(new QueueQuery { After = after, Limit = 4 });
            listed.AddRange(page.Entries.Select(e => e.ConcernId));
            foreach (var entry in page.Entries)
            {
                await store.SaveAsync(entry with { OfferCount = entry.OfferCount + 1 }, entry.Version);
            }

            await store.SaveAsync(Entry(added++), 0);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(1, 15).Select(n => ConcernId(n)), listed.Where(id => id < ConcernId(100)));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    /// <summary>Of concurrent writes that read the same version, exactly one wins, so a concern is never offered twice.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_ConcurrentSameVersion_ExactlyOneWins()
    {
        var store = CreateStore();
        var entry = await store.SaveAsync(Entry(1), 0);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 30).Select(agent => Task.Run(async () =>
        {
            try
            {
                var offered = entry with { Status = QueueEntryStatus.Offered, Offer = new Offer(AgentId(agent), Start, Start + Duration.FromMinutes(2)) };
                await store.SaveAsync(offered, entry.Version);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(2, (await store.FindAsync(ConcernId(1)))!.Version);
    }

    /// <summary>Of concurrent enqueues of the same concern, exactly one is stored.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_ConcurrentCreates_ExactlyOneStored()
    {
        var store = CreateStore();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 30).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(Entry(1), 0);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(1, await store.CountAsync());
    }

    private static QueueEntry FullEntry(long number)
    {
        var entry = Entry(number);
        return entry with
        {
            Status = QueueEntryStatus.Offered,
            Offer = new Offer(AgentId(3), Start + Duration.FromSeconds(5), Start + Duration.FromSeconds(125)),
            StepIndex = 1,
            StepEnteredAt = Start + Duration.FromMinutes(2),
            StepDeadline = null,
            Priority = Priority.P2,
            Rejections = [new Rejection(AgentId(1), Start + Duration.FromSeconds(1)), new Rejection(AgentId(2), Start + Duration.FromSeconds(2))],
            Escalations =
            [
                new EscalationRecord
                {
                    ConcernId = entry.ConcernId,
                    At = Start + Duration.FromMinutes(2),
                    Kind = EscalationKind.Functional,
                    Reason = EscalationReason.AgentRequest,
                    FromLadder = "general",
                    FromStep = 0,
                    FromLevel = CompetenceLevel.FirstLevel,
                    ToLadder = "general",
                    ToStep = 1,
                    ToLevel = CompetenceLevel.SecondLevel,
                    RequestedBy = AgentId(1),
                    Note = "Router resets every night; firmware 2.1.",
                },
            ],
            Notes = [new KnowledgeNote(Start + Duration.FromMinutes(2), AgentId(1), CompetenceLevel.FirstLevel, "Router resets every night; firmware 2.1.")],
            AppliedOverflowRules = ["backlog"],
            SlaRiskEscalated = true,
            ExhaustedAt = Start + Duration.FromMinutes(30),
            OfferCount = 3,
        };
    }

    private static async Task<List<QueueEntry>> ListAll(IRoutingQueueStore store, QueueQuery query)
    {
        var listed = new List<QueueEntry>();
        ConcernId? after = null;
        do
        {
            var page = await store.ListAsync(query with { After = after });
            Assert.True(page.Entries.Count <= query.Limit);
            listed.AddRange(page.Entries);
            after = page.Next;
        }
        while (after is not null);

        return listed;
    }
}
