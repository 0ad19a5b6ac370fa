using CustomerCare.Core;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.SlaTracking;
using CustomerCare.Testing;
using CustomerCare.Testing.SlaTracking;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests.SlaTracking;

public sealed class SqliteSlaClockStoreTests : SlaClockStoreConformanceTests, IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 27, 9, 0);

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SaveAsync_Append_InsertsNewEventOnly()
    {
        var store = CreateStore();
        var record = NewRecord(new TestIdFactory().NextConcernId());
        var saved = await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);
        await ExecuteAsync("UPDATE cc_sla_clock_events SET reason = 'kept' WHERE position = 0");

        var first = (await store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken))!;
        await store.SaveAsync(first.Append(new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Paused, Start + Duration.FromHours(1), "pending")), saved.Version, TestContext.Current.CancellationToken);

        var found = (await store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken))!;
        Assert.Equal(["kept", "pending"], found.Entries.Select(e => e.Reason));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM cc_sla_clock_events"));
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
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM cc_sla_clock_events"));
    }

    [Theory]
    [InlineData("UPDATE cc_sla_clock_events SET kind = 9", "'kind'")]
    [InlineData("UPDATE cc_sla_clock_events SET target = '?'", "'target'")]
    [InlineData("UPDATE cc_sla_clocks SET priority = 0", "'priority'")]
    public async Task FindAsync_RowChangedOutside_NamesTheColumn(string sql, string column)
    {
        var store = CreateStore();
        var record = NewRecord(new TestIdFactory().NextConcernId());
        await store.SaveAsync(record, 0, TestContext.Current.CancellationToken);
        await ExecuteAsync(sql);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => store.FindAsync(record.ConcernId, TestContext.Current.CancellationToken));

        Assert.Contains(column, exception.Message, StringComparison.Ordinal);
        Assert.Contains(record.ConcernId.ToString(), exception.Message, StringComparison.Ordinal);
    }

    protected override ISlaClockStore CreateStore() => new SqliteSlaClockStore(_database.Options, TemporaryDatabase.Clock);

    private static SlaClockRecord NewRecord(ConcernId concern) =>
        new(concern, Priority.P2, ServiceTier.Standard, [new SlaClockEntry(SlaTargetKind.FirstResponse, SlaEventKind.Started, Start)]);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
