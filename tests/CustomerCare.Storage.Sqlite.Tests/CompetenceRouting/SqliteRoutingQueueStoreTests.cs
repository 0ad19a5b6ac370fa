using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using CustomerCare.Testing.CompetenceRouting;
using Microsoft.Data.Sqlite;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.Storage.Sqlite.Tests.CompetenceRouting;

public sealed class SqliteRoutingQueueStoreTests : RoutingQueueStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override IRoutingQueueStore CreateStore() => new SqliteRoutingQueueStore(_database.Options, TemporaryDatabase.Clock);

    [Fact]
    public async Task Save_OfferFromTwoStores_OneWins()
    {
        var first = CreateStore();
        var second = CreateStore();
        var entry = await first.SaveAsync(Entry(1), 0, Cancel);

        var outcomes = await Task.WhenAll(
            Task.Run(() => TryOfferAsync(first, entry, 1)),
            Task.Run(() => TryOfferAsync(second, entry, 2)));

        Assert.Equal(1, outcomes.Count(won => won));
        var stored = (await second.FindAsync(ConcernId(1), Cancel))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(QueueEntryStatus.Offered, stored.Status);
    }

    [Fact]
    public async Task Save_WritesTypedColumns()
    {
        var store = CreateStore();
        var offer = new Offer(AgentId(3), Start, Start + Duration.FromMinutes(2));

        await store.SaveAsync(Entry(1) with { Status = QueueEntryStatus.Offered, Offer = offer, Ladder = "billing" }, 0, Cancel);

        Assert.Equal((long)QueueEntryStatus.Offered, await ScalarAsync("SELECT status FROM cc_rt_queue_entries"));
        Assert.Equal("billing", await ScalarAsync("SELECT ladder FROM cc_rt_queue_entries"));
        Assert.Equal(AgentId(3).ToString(), await ScalarAsync("SELECT offer_agent_id FROM cc_rt_queue_entries"));
        Assert.Equal(offer.ExpiresAt.ToUnixTimeTicks() / 10, await ScalarAsync("SELECT offer_expires_at FROM cc_rt_queue_entries"));
        Assert.Equal(1L, await ScalarAsync("SELECT json_valid(document) FROM cc_rt_queue_entries"));
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
    public async Task Find_OfferWithoutExpiry_ThrowsInvalidData()
    {
        var store = CreateStore();
        await store.SaveAsync(Entry(1) with { Status = QueueEntryStatus.Offered, Offer = new Offer(AgentId(3), Start, Start) }, 0, Cancel);
        await ScalarAsync("UPDATE cc_rt_queue_entries SET offer_expires_at = NULL");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.FindAsync(ConcernId(1), Cancel));

        Assert.Contains(ConcernId(1).ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Contains("offer_expires_at", exception.Message, StringComparison.Ordinal);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Cancel);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Cancel);
    }
}
