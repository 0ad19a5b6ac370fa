using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using CustomerCare.Testing.CompetenceRouting;
using Npgsql;
using NodaTime;
using NodaTime.Testing;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.Storage.PostgreSql.Tests.CompetenceRouting;

public sealed class PostgreSqlAgentDirectoryTests(PostgresServer server) : AgentDirectoryConformanceTests, IAsyncLifetime
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

    protected override IAgentDirectory CreateDirectory() => new PostgreSqlAgentDirectory(Options(), MigrationClock);

    [Fact]
    public async Task Claim_LastUnitFromTwoInstances_OneSucceedsEveryRound()
    {
        var first = CreateDirectory();
        await using var otherSource = NpgsqlDataSource.Create(_connectionString!);
        var second = new PostgreSqlAgentDirectory(new PostgreSqlStorageOptions { DataSource = otherSource }, MigrationClock);
        await first.SaveAsync(Agent(1, capacity: new AgentCapacity(1, [new(Channel.Chat, 1)])), 0, Cancel);

        for (var round = 0; round < 25; round++)
        {
            var concern = 100 + (2 * round);
            var results = await Task.WhenAll(
                Task.Run(async () => await first.ClaimCapacityAsync(Claim(1, concern), Cancel)),
                Task.Run(async () => await second.ClaimCapacityAsync(Claim(1, concern + 1), Cancel)));

            Assert.Equal(1, results.Count(r => r.Status == CapacityClaimStatus.Claimed));
            Assert.Equal(ExclusionReason.NoCapacity, results.Single(r => !r.Succeeded).Check.Reason);
            Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM cc_rt_assignments"));
            await first.ReleaseCapacityAsync(AgentId(1), results.Single(r => r.Succeeded).Agent!.Assignments[0].ConcernId, Start, Cancel);
        }

        Assert.Equal(0, await ScalarAsync("SELECT load FROM cc_rt_agents"));
    }

    [Fact]
    public async Task Save_WritesTypedColumns()
    {
        var directory = CreateDirectory();
        var agent = Agent(1, Presence.Busy, capacity: new AgentCapacity(10, [new(Channel.Chat, 3)]))
            with { Assignments = [new AgentAssignment(ConcernId(7), Channel.Chat, 3, Start)] };

        await directory.SaveAsync(agent, 0, Cancel);

        Assert.Equal((short)Presence.Busy, await ScalarAsync("SELECT presence FROM cc_rt_agents"));
        Assert.Equal(10, await ScalarAsync("SELECT capacity_units FROM cc_rt_agents"));
        Assert.Equal(3, await ScalarAsync("SELECT load FROM cc_rt_agents"));
        Assert.Equal(ConcernId(7).Value, await ScalarAsync("SELECT concern_id FROM cc_rt_assignments"));
        Assert.Equal("object", await ScalarAsync("SELECT json_typeof(document) FROM cc_rt_agents"));
    }

    [Fact]
    public async Task Save_SubMicrosecondInstants_ReturnsStoredValues()
    {
        var directory = CreateDirectory();
        var agent = Agent(1, idleSince: Start + Duration.FromTicks(15));

        var stored = await directory.SaveAsync(agent, 0, Cancel);

        Assert.Equal(Start + Duration.FromTicks(10), stored.IdleSince);
        Assert.Equal(stored, await directory.FindAsync(AgentId(1), Cancel));
    }

    [Fact]
    public async Task Find_CorruptDocument_ThrowsInvalidData()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1), 0, Cancel);
        await ScalarAsync("UPDATE cc_rt_agents SET document = '{\"levels\":[]}'");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(async () => await directory.FindAsync(AgentId(1), Cancel));

        Assert.Contains(AgentId(1).ToString(), exception.Message, StringComparison.Ordinal);
    }

    private static CapacityClaim Claim(long agent, long concern) => new()
    {
        Agent = AgentId(agent),
        Concern = ConcernId(concern),
        Requirement = new AgentRequirement { Level = CompetenceLevel.FirstLevel, Channel = Channel.Chat },
        At = Start,
    };

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
