using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using CustomerCare.Testing.CompetenceRouting;
using Npgsql;
using NodaTime;
using NodaTime.Testing;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.Storage.PostgreSql.Tests.CompetenceRouting;

public sealed class PostgreSqlRoutingQueueStoreTests(PostgresServer server) : RoutingQueueStoreConformanceTests, IAsyncLifetime
{
    private static readonly FakeClock MigrationClock = new(Start);

    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Without a server the tests skip in their body, where Assert.Skip is reported as a skip.
        if (server.SkipReason is null)
        {
            _connectionString = await server.CreateDatabaseAsync();
            _dataSource = NpgsqlDataSource.Create(_connectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    protected override IRoutingQueueStore CreateStore() => new PostgreSqlRoutingQueueStore(Options(), MigrationClock);

    [Fact]
    public async Task Save_OfferFromTwoInstances_OneWinsEveryRound()
    {
        var first = CreateStore();
        await using var otherSource = NpgsqlDataSource.Create(_connectionString!);
        var second = new PostgreSqlRoutingQueueStore(new PostgreSqlStorageOptions { DataSource = otherSource }, MigrationClock);

        for (var number = 1; number <= 25; number++)
        {
            var entry = await first.SaveAsync(Entry(number), 0, Cancel);

            var outcomes = await Task.WhenAll(
                Task.Run(() => TryOfferAsync(first, entry, 1)),
                Task.Run(() => TryOfferAsync(second, entry, 2)));

            Assert.Equal(1, outcomes.Count(won => won));
            Assert.Equal(2, (await second.FindAsync(ConcernId(number), Cancel))!.Version);
        }
    }

    [Fact]
    public async Task Save_WritesTypedColumns()
    {
        var store = CreateStore();
        var offer = new Offer(AgentId(3), Start, Start + Duration.FromMinutes(2));

        await store.SaveAsync(Entry(1) with { Status = QueueEntryStatus.Offered, Offer = offer, Ladder = "billing" }, 0, Cancel);

        Assert.Equal((short)QueueEntryStatus.Offered, await ScalarAsync("SELECT status FROM cc_rt_queue_entries"));
        Assert.Equal("billing", await ScalarAsync("SELECT ladder FROM cc_rt_queue_entries"));
        Assert.Equal(AgentId(3).Value, await ScalarAsync("SELECT offer_agent_id FROM cc_rt_queue_entries"));
        Assert.Equal(offer.ExpiresAt.ToDateTimeUtc(), await ScalarAsync("SELECT offer_expires_at FROM cc_rt_queue_entries"));
        Assert.Equal("object", await ScalarAsync("SELECT json_typeof(document) FROM cc_rt_queue_entries"));
    }

    [Fact]
    public async Task Save_SubMicrosecondInstants_ReturnsStoredValues()
    {
        var store = CreateStore();
        var entry = Entry(1, enqueuedAt: Start + Duration.FromTicks(15));

        var stored = await store.SaveAsync(entry, 0, Cancel);

        Assert.Equal(Start + Duration.FromTicks(10), stored.StepEnteredAt);
        Assert.Equal(Start + Duration.FromTicks(10), stored.Concern.EnqueuedAt);
        Assert.Equal(stored, await store.FindAsync(ConcernId(1), Cancel));
    }

    [Fact]
    public async Task Save_NulInLadder_ThrowsBeforeWriting()
    {
        var store = CreateStore();

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(Entry(1) with { Ladder = "gen\0eral" }, 0, Cancel));

        Assert.Contains("entry.Ladder", exception.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(ConcernId(1), Cancel));
        Assert.Equal(0, await store.CountAsync(ladder: "gen\0eral", cancellationToken: Cancel));
        Assert.Empty((await store.ListAsync(new QueueQuery { Ladder = "gen\0eral" }, Cancel)).Entries);
    }

    [Fact]
    public async Task Save_NulInNoteText_RoundTrips()
    {
        var store = CreateStore();
        var entry = Entry(1) with { Notes = [new(Start, null, CompetenceLevel.FirstLevel, "before\0after")] };

        await store.SaveAsync(entry, 0, Cancel);

        Assert.Equal("before\0after", (await store.FindAsync(ConcernId(1), Cancel))!.Notes[0].Text);
    }

    private static async Task<bool> TryOfferAsync(IRoutingQueueStore store, QueueEntry entry, long agent)
    {
        try
        {
            var offered = entry with { Status = QueueEntryStatus.Offered, Offer = new Offer(AgentId(agent), Start, Start + Duration.FromMinutes(2)) };
            await store.SaveAsync(offered, entry.Version, Cancel);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private PostgreSqlStorageOptions Options()
    {
        if (_dataSource is null)
        {
            Assert.Skip(server.SkipReason ?? "PostgreSQL is not running.");
        }

        return new PostgreSqlStorageOptions { DataSource = _dataSource };
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _dataSource!.CreateCommand(sql);
        return await command.ExecuteScalarAsync(Cancel);
    }
}
