using CustomerCare.Storage.Tests;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests;

public sealed class CrashTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task KilledWriter_KeepsEveryCommittedRecord()
    {
        var cancel = TestContext.Current.CancellationToken;
        await SqliteSchema.MigrateAsync(_database.ConnectionString, TemporaryDatabase.Clock, cancel);
        using var writer = LoadProcess.Start("schedule", "sqlite", _database.ConnectionString, "1000000");

        await writer.WaitForLinesAsync("scheduled ", 300, TimeSpan.FromMinutes(2));
        await writer.KillAsync();
        var committed = writer.KeysAfter("scheduled ");

        Assert.Equal("ok", await IntegrityCheckAsync(cancel));
        var queue = new SqliteWorkQueue(_database.Options, TemporaryDatabase.Clock);
        var stored = (await queue.LeaseAsync(TemporaryDatabase.Clock.GetCurrentInstant(), "checker", Duration.FromMinutes(1), 10_000_000, cancel))
            .Select(l => l.Item.Key)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Subset(stored, committed);
        // The writer may have committed one more record than it printed before it died.
        Assert.InRange(stored.Count, committed.Count, committed.Count + 1);
    }

    private async Task<string> IntegrityCheckAsync(CancellationToken cancel)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(cancel);
        var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)(await check.ExecuteScalarAsync(cancel))!;
    }
}
