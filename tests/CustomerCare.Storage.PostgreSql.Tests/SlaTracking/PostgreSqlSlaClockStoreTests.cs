using CustomerCare.Core;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.SlaTracking;
using CustomerCare.Testing;
using CustomerCare.Testing.SlaTracking;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.SlaTracking;

public sealed class PostgreSqlSlaClockStoreTests(PostgresServer server) : SlaClockStoreConformanceTests, IAsyncLifetime
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 1, 5, 9, 0));
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 27, 9, 0);

    private NpgsqlDataSource? _dataSource;

    public async ValueTask InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task SaveAsync_ConcurrentAppends_OneWins()
    {
        var concern = new TestIdFactory().NextConcernId();
        var saved = await CreateStore().SaveAsync(NewRecord(concern), 0, TestContext.Current.CancellationToken);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each attempt is a store of its own, as another host instance would have.
        var attempts = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return await CreateStore().SaveAsync(saved.Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Paused, Start + Duration.FromMinutes(i), $"attempt {i}")), 1, TestContext.Current.CancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        })).ToList();
        start.SetResult();
        var winner = Assert.Single((await Task.WhenAll(attempts)).OfType<SlaClockRecord>());

        var found = (await CreateStore().FindAsync(concern, TestContext.Current.CancellationToken))!;
        Assert.Equal(2, found.Version);
        Assert.Equal(winner.Entries.Select(e => e.Reason), found.Entries.Select(e => e.Reason));
    }

    [Fact]
    public async Task SaveAsync_ShorterHistory_ReplacesTheRest()
    {
        var store = CreateStore();
        var record = NewRecord(new TestIdFactory().NextConcernId())
            .Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Paused, Start + Duration.FromHours(1)))
            .Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Resumed, Start + Duration.FromHours(2)));
        var saved = await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);

        var changed = new SlaClockRecord(record.ConcernId, record.Priority, record.Tier, [record.Entries[0], new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Stopped, Start + Duration.FromHours(3))]);
        await store.SaveAsync(changed, saved.Version, TestContext.Current.CancellationToken);

        var found = (await store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken))!;
        Assert.Equal([SlaEventKind.Started, SlaEventKind.Stopped], found.Entries.Select(e => e.Kind));
    }

    protected override ISlaClockStore CreateStore() => new PostgreSqlSlaClockStore(new PostgreSqlStorageOptions { DataSource = _dataSource }, Clock);

    private static SlaClockRecord NewRecord(ConcernId concern) =>
        new(concern, Priority.P2, ServiceTier.Standard, [new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Started, Start)]);
}
