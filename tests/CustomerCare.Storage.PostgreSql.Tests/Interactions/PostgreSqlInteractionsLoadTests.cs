using System.Globalization;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Storage.Tests;
using CustomerCare.StorageLoad;
using CustomerCare.Testing.Interactions;
using Npgsql;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

/// <summary>
/// Eight workers apply one stream of 10,000 mixed operations to shared concerns, as tasks with connections of their
/// own and as separate processes. The final state must equal a serial replay on the in-memory stores.
/// </summary>
public sealed class PostgreSqlInteractionsLoadTests(PostgresServer server) : IAsyncLifetime
{
    private const int Workers = 8;
    private const int Operations = 10_000;
    private const int Concerns = 32;
    private const int Seed = 20260105;

    private readonly InteractionsDatabase _database = new(server);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Workers_SeparateConnections_MatchSerialReplay()
    {
        _database.Options();
        var operations = InteractionsWorkload.Generate(Operations, Concerns, Seed);
        var sources = Enumerable.Range(0, Workers).Select(_ => NpgsqlDataSource.Create(_database.ConnectionString!)).ToArray();
        try
        {
            var stores = sources.Select(s => new PostgreSqlStorageOptions { DataSource = s }).Select(o => (
                Customers: new PostgreSqlCustomerStore(o, InteractionsDatabase.MigrationClock),
                Interactions: new PostgreSqlInteractionStore(o, InteractionsDatabase.MigrationClock),
                Concerns: new PostgreSqlConcernStore(o, InteractionsDatabase.MigrationClock))).ToArray();
            await InteractionsWorkload.SetUpAsync(stores[0].Customers, stores[0].Concerns, Concerns);

            var counts = await Task.WhenAll(stores.Select((s, worker) =>
                Task.Run(() => InteractionsWorkload.ApplyAsync(operations, worker, Workers, Concerns, s.Interactions, s.Concerns))));

            Assert.Equal(Operations, counts.Sum(c => c.Applied));
            await AssertMatchesSerialReplayAsync(operations, counts.Sum(c => c.Recorded));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Workers_SeparateProcesses_MatchSerialReplay()
    {
        _database.Options();
        var operations = InteractionsWorkload.Generate(Operations, Concerns, Seed);

        // Every process creates the customer and concerns unless they exist, so the set-up itself runs concurrently.
        var processes = Enumerable.Range(0, Workers).Select(worker => LoadProcess.Start(
            "interactions", "postgres", _database.ConnectionString!, Text(worker), Text(Workers), Text(Operations), Text(Concerns), Text(Seed))).ToArray();
        try
        {
            foreach (var process in processes)
            {
                Assert.Equal(0, await process.WaitForExitAsync(TimeSpan.FromMinutes(5)));
            }

            var recorded = 0;
            foreach (var process in processes)
            {
                var line = Assert.Single(process.Lines, l => l.StartsWith("applied ", StringComparison.Ordinal));
                var words = line.Split(' ');
                recorded += int.Parse(words[3], CultureInfo.InvariantCulture);
            }

            await AssertMatchesSerialReplayAsync(operations, recorded);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task AssertMatchesSerialReplayAsync(IReadOnlyList<WorkloadOperation> operations, int reportedAsRecorded)
    {
        var replayCustomers = new InMemoryCustomerStore();
        var replayInteractions = new InMemoryInteractionStore();
        var replayConcerns = new InMemoryConcernStore();
        await InteractionsWorkload.SetUpAsync(replayCustomers, replayConcerns, Concerns);
        var replay = await InteractionsWorkload.ApplyAsync(operations, 0, 1, Concerns, replayInteractions, replayConcerns);

        var options = _database.Options();
        var interactions = new PostgreSqlInteractionStore(options, InteractionsDatabase.MigrationClock);
        var concerns = new PostgreSqlConcernStore(options, InteractionsDatabase.MigrationClock);

        // No lost update: every touch is in the participants and in the version.
        for (var i = 0; i < Concerns; i++)
        {
            var expected = (await replayConcerns.FindAsync(InteractionsWorkload.ConcernAt(i)))!;
            var actual = (await concerns.FindAsync(InteractionsWorkload.ConcernAt(i)))!;
            Assert.Equal(expected.Version, actual.Version);
            Assert.Equal(expected.LastActivityAt, actual.LastActivityAt);
            Assert.Equal(expected.Participants.Select(p => p.Value).Order(StringComparer.Ordinal), actual.Participants.Select(p => p.Value).Order(StringComparer.Ordinal));
        }

        // No duplicate interaction: one per message, and exactly one recording of each reported it as new.
        var expectedInteractions = await replayInteractions.ListByCustomerAsync(InteractionsWorkload.Customer);
        var actualInteractions = await interactions.ListByCustomerAsync(InteractionsWorkload.Customer);
        Assert.Equal(replay.Recorded, actualInteractions.Count);
        Assert.Equal(actualInteractions.Count, reportedAsRecorded);
        Assert.Equal(actualInteractions.Count, actualInteractions.Select(i => i.ExternalId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            expectedInteractions.Select(i => (i.ExternalId, i.ConcernId, i.OccurredAt, i.Subject)),
            actualInteractions.Select(i => (i.ExternalId, i.ConcernId, i.OccurredAt, i.Subject)));
    }
}
