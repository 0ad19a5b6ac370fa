using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using CustomerCare.Testing.CompetenceRouting;
using Microsoft.Data.Sqlite;
using NodaTime;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.Storage.Sqlite.Tests.CompetenceRouting;

public sealed class SqliteAgentDirectoryTests : AgentDirectoryConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override IAgentDirectory CreateDirectory() => new SqliteAgentDirectory(_database.Options, TemporaryDatabase.Clock);

    [Fact]
    public async Task Claim_LastUnitFromTwoDirectories_OneSucceeds()
    {
        var first = CreateDirectory();
        var second = CreateDirectory();
        await first.SaveAsync(Agent(1, capacity: new AgentCapacity(1, [new(Channel.Chat, 1)])), 0, Cancel);

        var results = await Task.WhenAll(
            Task.Run(async () => await first.ClaimCapacityAsync(Claim(1, 10), Cancel)),
            Task.Run(async () => await second.ClaimCapacityAsync(Claim(1, 11), Cancel)));

        Assert.Equal(1, results.Count(r => r.Status == CapacityClaimStatus.Claimed));
        Assert.Equal(ExclusionReason.NoCapacity, results.Single(r => !r.Succeeded).Check.Reason);
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM cc_rt_assignments"));
        Assert.Equal(1L, await ScalarAsync("SELECT load FROM cc_rt_agents"));
    }

    [Fact]
    public async Task Save_WritesTypedColumns()
    {
        var directory = CreateDirectory();
        var agent = Agent(1, Presence.Busy, capacity: new AgentCapacity(10, [new(Channel.Chat, 3)]))
            with { Assignments = [new AgentAssignment(ConcernId(7), Channel.Chat, 3, Start)] };

        await directory.SaveAsync(agent, 0, Cancel);

        Assert.Equal((long)Presence.Busy, await ScalarAsync("SELECT presence FROM cc_rt_agents"));
        Assert.Equal(10L, await ScalarAsync("SELECT capacity_units FROM cc_rt_agents"));
        Assert.Equal(3L, await ScalarAsync("SELECT load FROM cc_rt_agents"));
        Assert.Equal(ConcernId(7).ToString(), await ScalarAsync("SELECT concern_id FROM cc_rt_assignments"));
        Assert.Equal(1L, await ScalarAsync("SELECT json_valid(document) FROM cc_rt_agents"));
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
    public async Task Remove_DeletesAssignments()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: new AgentCapacity(5, [new(Channel.Chat, 1)])), 0, Cancel);
        await directory.ClaimCapacityAsync(Claim(1, 10), Cancel);

        Assert.True(await directory.RemoveAsync(AgentId(1), 2, Cancel));

        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM cc_rt_assignments"));
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

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CapacityClaim Claim(long agent, long concern) => new()
    {
        Agent = AgentId(agent),
        Concern = ConcernId(concern),
        Requirement = new AgentRequirement { Level = CompetenceLevel.FirstLevel, Channel = Channel.Chat },
        At = Start,
    };

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Cancel);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Cancel);
    }
}
