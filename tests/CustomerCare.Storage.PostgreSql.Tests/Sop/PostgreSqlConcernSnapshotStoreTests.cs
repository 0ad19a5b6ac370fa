using CustomerCare.Core;
using CustomerCare.Sop;
using CustomerCare.Testing.Sop;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests.Sop;

public sealed partial class PostgreSqlConcernSnapshotStoreTests(PostgresServer server) : ConcernSnapshotStoreConformanceTests, IAsyncLifetime
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

    protected override IConcernSnapshotStore CreateStore() => new PostgreSqlConcernSnapshotStore(Options(), MigrationClock);

    [Fact]
    public async Task Save_NulInIdempotencyKey_ThrowsBeforeWriting()
    {
        var store = CreateStore();
        var snapshot = Snapshot(NewId(), 1, "new");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot, key: "request\0one")), Cancel));

        Assert.Contains("change.Audit.IdempotencyKey contains the NUL character", exception.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(snapshot.Id, Cancel));
        Assert.Null(await store.FindByIdempotencyKeyAsync(snapshot.Id, "request\0one", Cancel));
    }

    [Fact]
    public async Task Save_NulInTimerName_ThrowsBeforeWriting()
    {
        var store = CreateStore();
        var snapshot = Snapshot(NewId(), 1, "new", [new ArmedTimer("remind\0", "remind", "new", 1, Start)]);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot)), Cancel));

        Assert.Contains("change.Snapshot.Timers[].Name", exception.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(snapshot.Id, Cancel));
    }

    [Fact]
    public async Task Save_WritesTypedColumns()
    {
        var store = CreateStore();
        var id = NewId();
        var dueAt = Start + Duration.FromHours(4) + Duration.FromTicks(15);
        var snapshot = Snapshot(id, 1, "new", [new ArmedTimer("triage-reminder", "remind-triage", "new", 1, dueAt)]);
        await store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot, key: "request-1")), Cancel);

        await using var read = _dataSource!.CreateCommand(
            "SELECT c.version, c.state, c.procedure_id, t.due_at, a.idempotency_key, json_typeof(c.document) " +
            "FROM cc_sop_concerns c JOIN cc_sop_timers t ON t.concern_id = c.concern_id JOIN cc_sop_audit a ON a.concern_id = c.concern_id " +
            "WHERE c.concern_id = @id");
        read.Parameters.AddWithValue("id", id.Value);
        await using var reader = await read.ExecuteReaderAsync(Cancel);

        Assert.True(await reader.ReadAsync(Cancel));
        Assert.Equal(1, reader.GetInt64(0));
        Assert.Equal("new", reader.GetString(1));
        Assert.Equal("test-procedure", reader.GetString(2));
        Assert.Equal(dueAt.ToDateTimeUtc().AddTicks(-5), reader.GetDateTime(3));
        Assert.Equal("request-1", reader.GetString(4));
        Assert.Equal("object", reader.GetString(5));
    }

    private PostgreSqlStorageOptions Options()
    {
        if (_dataSource is null)
        {
            Assert.Skip(server.SkipReason ?? "PostgreSQL is not running.");
        }

        return new PostgreSqlStorageOptions { DataSource = _dataSource };
    }

    private static ConcernSnapshot Snapshot(ConcernId id, long version, string state, IReadOnlyList<ArmedTimer>? timers = null) =>
        new(id, "incident", "test-procedure", 1, state, version, version, Start, Start, Start, timers: timers);

    private static AuditEntry Audit(ConcernSnapshot snapshot, string? key = null) =>
        new(snapshot.Id, snapshot.Version, AuditKind.Transitioned, Start, Actor.System, snapshot.ProcedureId, snapshot.ProcedureVersion, "new", snapshot.State,
            idempotencyKey: key);
}
