using CustomerCare.DueWork;
using CustomerCare.Storage.Tests;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;

namespace CustomerCare.Storage.PostgreSql.Tests;

public sealed class CrashTests(PostgresServer server)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public async Task KilledWorker_LeasedItemsProcessedAfterLeaseEnds()
    {
        var cancel = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDatabaseAsync();
        var queue = new PostgreSqlWorkQueue(new PostgreSqlStorageOptions { ConnectionString = connectionString }, new FakeClock(Now));
        var keys = Enumerable.Range(0, 60).Select(i => $"item-{i:D3}").ToArray();
        foreach (var key in keys)
        {
            await queue.ScheduleAsync(new WorkItem(key, "load", Now, "{}"), cancel);
        }

        using var crashing = LoadProcess.Start("work", "postgres", connectionString, "crashing", Iso(Now), "300", "20");
        await crashing.WaitForLinesAsync("completed ", 10, TimeSpan.FromMinutes(2));
        await crashing.KillAsync();
        var completedBeforeCrash = crashing.KeysAfter("completed ");
        var heldByCrashed = await LeasedByAsync(connectionString, "crashing");

        // At the same instant the crashed worker's current lease still holds its in-flight item.
        using var sameInstant = LoadProcess.Start("work", "postgres", connectionString, "second", Iso(Now), "300", "0");
        Assert.Equal(0, await sameInstant.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        using var afterLease = LoadProcess.Start("work", "postgres", connectionString, "restarted", Iso(Now + Duration.FromSeconds(300)), "300", "0");
        Assert.Equal(0, await afterLease.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        var completedByOthers = sameInstant.KeysAfter("completed ").Concat(afterLease.KeysAfter("completed ")).ToList();

        Assert.Empty(completedBeforeCrash.Intersect(completedByOthers));
        Assert.Equal(completedByOthers.Count, completedByOthers.Distinct().Count());
        // Whatever the crashed worker held when it died is processed once its lease ends, and nothing else waits that long.
        Assert.Equal(heldByCrashed.Order(), afterLease.KeysAfter("completed ").Order());
        var unreported = keys.Except(completedBeforeCrash).Except(completedByOthers).ToArray();
        Assert.True(unreported.Length <= 1, $"Only an item committed in the instant of the kill may be unreported: {string.Join(", ", unreported)}");
        foreach (var key in keys)
        {
            Assert.Equal(ScheduleOutcome.AlreadyFinished, await queue.ScheduleAsync(new WorkItem(key, "load", Now, "{}"), cancel));
        }

        Assert.Null(await queue.GetNextDueAsync(cancel));
    }

    private static async Task<List<string>> LeasedByAsync(string connectionString, string owner)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT key FROM cc_work_items WHERE status = 0 AND lease_owner = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = owner });
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
