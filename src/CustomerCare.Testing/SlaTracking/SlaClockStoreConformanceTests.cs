using CustomerCare.Core;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.SlaTracking;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.SlaTracking;

/// <summary>
/// The tests every <see cref="ISlaClockStore"/> must pass: versions, conflicts, faithful round trips, concurrent
/// writers and bad input. Derive from this class and implement <see cref="CreateStore"/>.
/// </summary>
public abstract class SlaClockStoreConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private readonly TestIdFactory _ids = new();

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract ISlaClockStore CreateStore();

    /// <summary>An unknown concern has no record.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Find_Unknown_ReturnsNull()
    {
        var store = CreateStore();

        var found = await store.FindAsync(_ids.NextConcernId(), TestContext.Current.CancellationToken);

        Assert.Null(found);
    }

    /// <summary>The first save stores version 1 and each later save adds 1.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_NewThenUpdate_IncrementsVersion()
    {
        var store = CreateStore();
        var record = NewRecord(_ids.NextConcernId());

        var first = await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);
        var second = await store.SaveAsync(first.Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Stopped, Start + Duration.FromHours(1))), 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, (await store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken))!.Version);
    }

    /// <summary>A record round-trips with its priority, tier and every entry in order.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_Record_RoundTripsEveryField()
    {
        var store = CreateStore();
        var concern = _ids.NextConcernId();
        var record = new SlaClockRecord(concern, new Priority(2), ServiceTier.Parse("gold"),
        [
            new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Started, Start),
            new SlaClockEntry(SlaTargetKind.Resolution, SlaEventKind.Started, Start + Duration.FromMinutes(5)),
            new SlaClockEntry(SlaTargetKind.Resolution, SlaEventKind.Paused, Start + Duration.FromMinutes(30), "pending-customer"),
            new SlaClockEntry(SlaTargetKind.Parse("on-site-visit"), SlaEventKind.Started, Start + Duration.FromHours(1)),
        ]);

        await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);
        var found = await store.FindAsync(concern, TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(new Priority(2), found.Priority);
        Assert.Equal(ServiceTier.Parse("gold"), found.Tier);
        Assert.Equal(record.Entries, found.Entries);
    }

    /// <summary>Instants are kept to the microsecond, never more precisely.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_SubMicrosecondInstant_TruncatesToMicrosecond()
    {
        var store = CreateStore();
        var at = Start + Duration.FromTicks(15);
        var record = new SlaClockRecord(_ids.NextConcernId(), new Priority(3), ServiceTier.Standard, [new SlaClockEntry(SlaTargetKind.Resolution, SlaEventKind.Started, at)]);

        var saved = await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);

        Assert.Equal(Start + Duration.FromTicks(10), saved.Entries[0].At);
    }

    /// <summary>A stale expected version throws with the expected and the stored version and changes nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_StaleVersion_ThrowsAndKeepsStored()
    {
        var store = CreateStore();
        var record = NewRecord(_ids.NextConcernId());
        await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.SaveAsync(record.Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Stopped, Start)), 0, TestContext.Current.CancellationToken));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Single((await store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken))!.Entries);
    }

    /// <summary>An update of a record that does not exist is a conflict, not an insert.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_UpdateOfMissing_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(NewRecord(_ids.NextConcernId()), 3, TestContext.Current.CancellationToken));
    }

    /// <summary>Of concurrent writers of one version, exactly one wins.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_ConcurrentSameVersion_OneWins()
    {
        var store = CreateStore();
        var record = NewRecord(_ids.NextConcernId());
        await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(record.Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Stopped, Start + Duration.FromMinutes(i))), 1);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
        Assert.Equal(2, (await store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken))!.Version);
    }

    /// <summary>Bad arguments fail with the standard exceptions.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Operations_BadInput_Throw()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!, 0, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveAsync(NewRecord(_ids.NextConcernId()), -1, TestContext.Current.CancellationToken));
    }

    private static SlaClockRecord NewRecord(ConcernId concern) =>
        new(concern, new Priority(3), ServiceTier.Standard, [new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Started, Start)]);
}
