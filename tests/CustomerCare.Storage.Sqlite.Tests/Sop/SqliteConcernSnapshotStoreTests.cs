using CustomerCare.Core;
using CustomerCare.Sop;
using CustomerCare.Testing.Sop;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests.Sop;

public sealed class SqliteConcernSnapshotStoreTests : ConcernSnapshotStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override IConcernSnapshotStore CreateStore() => new SqliteConcernSnapshotStore(_database.Options, TemporaryDatabase.Clock);

    [Fact]
    public async Task Save_SecondStoreStale_Conflicts()
    {
        var first = new SqliteConcernSnapshotStore(_database.Options, TemporaryDatabase.Clock);
        var second = new SqliteConcernSnapshotStore(_database.Options, TemporaryDatabase.Clock);
        var id = NewId();
        var started = Snapshot(id, 1, "new");
        await first.SaveAsync(new ConcernChange(started, 0, Audit(started)), Cancel);

        var read = (await second.FindAsync(id, Cancel))!;
        var byFirst = Snapshot(id, 2, "triaged");
        await first.SaveAsync(new ConcernChange(byFirst, 1, Audit(byFirst)), Cancel);
        var bySecond = Snapshot(id, 2, "cancelled");
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync(new ConcernChange(bySecond, read.Version, Audit(bySecond)), Cancel));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal("triaged", (await second.FindAsync(id, Cancel))!.State);
    }

    [Fact]
    public async Task Save_WritesTypedColumns()
    {
        var store = CreateStore();
        var id = NewId();
        var dueAt = Start + Duration.FromHours(4) + Duration.FromTicks(15);
        var snapshot = Snapshot(id, 1, "new", [new ArmedTimer("triage-reminder", "remind-triage", "new", 1, dueAt)]);
        await store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot, key: "request-1")), Cancel);

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Cancel);
        var read = connection.CreateCommand();
        read.CommandText =
            "SELECT c.version, c.state, c.procedure_id, t.due_at, a.idempotency_key, json_valid(c.document) " +
            "FROM cc_sop_concerns c JOIN cc_sop_timers t ON t.concern_id = c.concern_id JOIN cc_sop_audit a ON a.concern_id = c.concern_id " +
            "WHERE c.concern_id = $id";
        read.Parameters.AddWithValue("$id", id.ToString());
        await using var reader = await read.ExecuteReaderAsync(Cancel);

        Assert.True(await reader.ReadAsync(Cancel));
        Assert.Equal(1, reader.GetInt64(0));
        Assert.Equal("new", reader.GetString(1));
        Assert.Equal("test-procedure", reader.GetString(2));
        Assert.Equal(dueAt.ToUnixTimeTicks() / 10, reader.GetInt64(3));
        Assert.Equal("request-1", reader.GetString(4));
        Assert.Equal(1, reader.GetInt64(5));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ConcernSnapshot Snapshot(ConcernId id, long version, string state, IReadOnlyList<ArmedTimer>? timers = null) =>
        new(id, "incident", "test-procedure", 1, state, version, version, Start, Start, Start, timers: timers);

    private static AuditEntry Audit(ConcernSnapshot snapshot, string? key = null) =>
        new(snapshot.Id, snapshot.Version, AuditKind.Transitioned, Start, Actor.System, snapshot.ProcedureId, snapshot.ProcedureVersion, "new", snapshot.State,
            idempotencyKey: key);
}
