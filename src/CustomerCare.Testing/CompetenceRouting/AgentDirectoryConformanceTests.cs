using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Explanations;
using CustomerCare.Core;
using NodaTime;
using Xunit;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.Testing.CompetenceRouting;

/// <summary>
/// The tests every <see cref="IAgentDirectory"/> must pass: versions, paging, atomic and idempotent claims and
/// releases, and claims under concurrency. Derive a class that returns a new, empty directory from
/// <see cref="CreateDirectory"/>.
/// </summary>
public abstract class AgentDirectoryConformanceTests
{
    private static readonly Instant At = Start;

    /// <summary>Creates a new, empty directory for one test.</summary>
    /// <returns>The directory under test.</returns>
    protected abstract IAgentDirectory CreateDirectory();

    /// <summary>A new agent is stored with version 1.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_NewAgent_StartsAtVersionOne()
    {
        var directory = CreateDirectory();

        var stored = await directory.SaveAsync(Agent(1), 0);

        Assert.Equal(1, stored.Version);
        Assert.Equal(stored, await directory.FindAsync(AgentId(1)));
    }

    /// <summary>Each write with the stored version adds one, and the stored fields round-trip unchanged.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_WithStoredVersion_IncrementsAndKeepsFields()
    {
        var directory = CreateDirectory();
        var first = await directory.SaveAsync(Agent(1), 0);
        var changed = Agent(1, Presence.Away, levels: "1,2", skills: "billing:4,sepa:2", languages: "de-AT,en", capacity: new AgentCapacity(100, [new(Channel.Phone, 100), new(Channel.Chat, 20)]))
            with { Assignments = [new AgentAssignment(ConcernId(7), Channel.Chat, 20, At)], IdleSince = At + Duration.FromSeconds(3) };

        var second = await directory.SaveAsync(changed, first.Version);

        Assert.Equal(2, second.Version);
        Assert.Equal(changed with { Version = 2 }, await directory.FindAsync(AgentId(1)));
    }

    /// <summary>A write with an old version fails, names both versions and changes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_StaleVersion_ThrowsWithBothVersions()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1), 0);
        await directory.SaveAsync(Agent(1, Presence.Away), 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await directory.SaveAsync(Agent(1, Presence.Offline), 1));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(Presence.Away, (await directory.FindAsync(AgentId(1)))!.Presence);
    }

    /// <summary>Creating an agent that exists fails instead of overwriting it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_CreateExisting_Throws()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1), 0);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await directory.SaveAsync(Agent(1, Presence.Away), 0));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
    }

    /// <summary>Updating an agent that does not exist fails with no actual version.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_UpdateMissing_ThrowsWithoutActualVersion()
    {
        var directory = CreateDirectory();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await directory.SaveAsync(Agent(1), 3));

        Assert.Null(conflict.ActualVersion);
        Assert.Null(await directory.FindAsync(AgentId(1)));
    }

    /// <summary>Bad arguments fail with the standard exceptions.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_BadArguments_Throw()
    {
        var directory = CreateDirectory();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await directory.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await directory.SaveAsync(Agent(1), -1));
    }

    /// <summary>Looking up an unknown agent returns null.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Find_Unknown_ReturnsNull()
    {
        Assert.Null(await CreateDirectory().FindAsync(AgentId(42)));
    }

    /// <summary>Removal checks the version and reports whether the agent existed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Remove_ChecksVersion()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1), 0);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await directory.RemoveAsync(AgentId(1), 2));
        Assert.True(await directory.RemoveAsync(AgentId(1), 1));
        Assert.False(await directory.RemoveAsync(AgentId(1), 1));
        Assert.Null(await directory.FindAsync(AgentId(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await directory.RemoveAsync(AgentId(1), 0));
    }

    /// <summary>Paging returns every agent once, in identifier order, and ends with no cursor.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task List_Pages_EveryAgentOnceInOrder()
    {
        var directory = CreateDirectory();
        foreach (var number in Enumerable.Range(1, 23).Reverse())
        {
            await directory.SaveAsync(Agent(number), 0);
        }

        var listed = await ListAll(directory, 5);

        Assert.Equal(Enumerable.Range(1, 23).Select(n => AgentId(n)), listed);
    }

    /// <summary>Writes between pages neither duplicate nor drop agents that exist for the whole listing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task List_WritesBetweenPages_NoDuplicatesOrGaps()
    {
        var directory = CreateDirectory();
        foreach (var number in Enumerable.Range(1, 12))
        {
            await directory.SaveAsync(Agent(number), 0);
        }

        var listed = new List<AgentId>();
        AgentId? after = null;
        do
        {
            var page = await directory.ListAsync(after, 4);
            listed.AddRange(page.Agents.Select(a => a.Id));
            foreach (var agent in page.Agents)
            {
                await directory.SaveAsync(agent with { Presence = Presence.Busy }, agent.Version);
            }

            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(1, 12).Select(n => AgentId(n)), listed);
    }

    /// <summary>Page sizes outside 1 to 1000 are rejected.</summary>
    /// <param name="limit">The page size.</param>
    /// <returns>A task that completes when the test has run.</returns>
    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task List_LimitOutOfRange_Throws(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await CreateDirectory().ListAsync(null, limit));
    }

    /// <summary>A claim on an eligible agent holds the capacity, bumps the version and restarts the idle time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_Eligible_HoldsCapacity()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(5)), 0);

        var result = await directory.ClaimCapacityAsync(Claim(1, 10, At + Duration.FromMinutes(1)));

        Assert.Equal(CapacityClaimStatus.Claimed, result.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Agent!.Version);
        Assert.Equal(1, result.Agent.Load);
        Assert.True(result.Agent.Holds(ConcernId(10)));
        Assert.Equal(At + Duration.FromMinutes(1), result.Agent.IdleSince);
        Assert.Equal(result.Agent, await directory.FindAsync(AgentId(1)));
    }

    /// <summary>Claiming the same concern again changes nothing and reports it as already held.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_Repeated_IsAlreadyHeldWithoutWrite()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(5)), 0);
        await directory.ClaimCapacityAsync(Claim(1, 10));

        var again = await directory.ClaimCapacityAsync(Claim(1, 10));

        Assert.Equal(CapacityClaimStatus.AlreadyHeld, again.Status);
        Assert.True(again.Succeeded);
        Assert.Equal(2, again.Agent!.Version);
        Assert.Equal(1, again.Agent.Load);
    }

    /// <summary>The requirement is checked on the stored agent at the moment of the claim.</summary>
    /// <param name="presence">The stored presence.</param>
    /// <param name="skills">The stored skills.</param>
    /// <param name="languages">The stored languages.</param>
    /// <param name="load">The concerns already held.</param>
    /// <param name="expected">The reason the claim must report.</param>
    /// <returns>A task that completes when the test has run.</returns>
    [Theory]
    [InlineData(Presence.Offline, "billing:3", "de", 0, ExclusionReason.Offline)]
    [InlineData(Presence.Away, "billing:3", "de", 0, ExclusionReason.Away)]
    [InlineData(Presence.Busy, "billing:3", "de", 0, ExclusionReason.Busy)]
    [InlineData(Presence.Available, "sepa:3", "de", 0, ExclusionReason.SkillMissing)]
    [InlineData(Presence.Available, "billing:1", "de", 0, ExclusionReason.SkillBelowMinimum)]
    [InlineData(Presence.Available, "billing:3", "fr", 0, ExclusionReason.WrongLanguage)]
    [InlineData(Presence.Available, "billing:3", "de", 5, ExclusionReason.NoCapacity)]
    public async Task Claim_NotEligibleNow_RefusedWithoutWrite(Presence presence, string skills, string languages, int load, ExclusionReason expected)
    {
        var directory = CreateDirectory();
        var agent = Agent(1, presence, skills: skills, languages: languages, capacity: Chats(5))
            with { Assignments = Enumerable.Range(100, load).Select(n => new AgentAssignment(ConcernId(n), Channel.Chat, 1, At)).ToArray() };
        await directory.SaveAsync(agent, 0);
        var requirement = new AgentRequirement
        {
            Level = CompetenceLevel.FirstLevel,
            Channel = Channel.Chat,
            Skills = [new SkillRequirement(Skill.Parse("billing"), 2)],
            Language = Language.Parse("de"),
        };

        var result = await directory.ClaimCapacityAsync(new CapacityClaim { Agent = AgentId(1), Concern = ConcernId(10), Requirement = requirement, At = At });

        Assert.Equal(CapacityClaimStatus.NotEligible, result.Status);
        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Check.Reason);
        Assert.Equal(1, (await directory.FindAsync(AgentId(1)))!.Version);
    }

    /// <summary>A claim on an unknown agent reports it and writes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_UnknownAgent_NotFound()
    {
        var result = await CreateDirectory().ClaimCapacityAsync(Claim(9, 10));

        Assert.Equal(CapacityClaimStatus.AgentNotFound, result.Status);
        Assert.Null(result.Agent);
    }

    /// <summary>Concurrent claims for different concerns never push an agent over its capacity.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_Concurrent_NeverExceedsCapacity()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(5)), 0);

        var results = await Task.WhenAll(Enumerable.Range(10, 40).Select(n => Task.Run(async () => await directory.ClaimCapacityAsync(Claim(1, n)))));

        Assert.Equal(5, results.Count(r => r.Status == CapacityClaimStatus.Claimed));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ExclusionReason.NoCapacity, r.Check.Reason));
        var stored = (await directory.FindAsync(AgentId(1)))!;
        Assert.Equal(5, stored.Load);
        Assert.Equal(6, stored.Version);
    }

    /// <summary>Concurrent claims for the same concern hold it once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_ConcurrentSameConcern_HeldOnce()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(5)), 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await directory.ClaimCapacityAsync(Claim(1, 10)))));

        Assert.Equal(1, results.Count(r => r.Status == CapacityClaimStatus.Claimed));
        Assert.Equal(19, results.Count(r => r.Status == CapacityClaimStatus.AlreadyHeld));
        Assert.Equal(1, (await directory.FindAsync(AgentId(1)))!.Load);
    }

    /// <summary>Releasing held capacity frees it, bumps the version and restarts the idle time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Release_Held_FreesCapacity()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(5)), 0);
        await directory.ClaimCapacityAsync(Claim(1, 10));

        var released = await directory.ReleaseCapacityAsync(AgentId(1), ConcernId(10), At + Duration.FromMinutes(9));

        Assert.Equal(0, released!.Load);
        Assert.Equal(3, released.Version);
        Assert.Equal(At + Duration.FromMinutes(9), released.IdleSince);
        Assert.Equal(released, await directory.FindAsync(AgentId(1)));
    }

    /// <summary>Releasing capacity that is not held writes nothing; releasing on an unknown agent returns null.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Release_NotHeld_WritesNothing()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(5)), 0);

        var released = await directory.ReleaseCapacityAsync(AgentId(1), ConcernId(10), At);

        Assert.Equal(1, released!.Version);
        Assert.Null(await directory.ReleaseCapacityAsync(AgentId(2), ConcernId(10), At));
    }

    /// <summary>Claims and releases running together keep the load equal to the concerns held.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ClaimAndRelease_Concurrent_LoadMatchesAssignments()
    {
        var directory = CreateDirectory();
        await directory.SaveAsync(Agent(1, capacity: Chats(1000)), 0);

        await Task.WhenAll(Enumerable.Range(10, 200).Select(n => Task.Run(async () =>
        {
            await directory.ClaimCapacityAsync(Claim(1, n));
            if (n % 2 == 0)
            {
                await directory.ReleaseCapacityAsync(AgentId(1), ConcernId(n), At);
            }
        })));

        var stored = (await directory.FindAsync(AgentId(1)))!;
        Assert.Equal(100, stored.Load);
        Assert.All(stored.Assignments, a => Assert.True(a.ConcernId.Value != TestIdFactory.ValueFor(10)));
        Assert.Equal(1 + 200 + 100, stored.Version);
    }

    private static AgentCapacity Chats(int count) => new(count, [new(Channel.Chat, 1), new(Channel.Phone, count)]);

    private static CapacityClaim Claim(long agent, long concern, Instant? at = null) => new()
    {
        Agent = AgentId(agent),
        Concern = ConcernId(concern),
        Requirement = new AgentRequirement { Level = CompetenceLevel.FirstLevel, Channel = Channel.Chat },
        At = at ?? At,
    };

    private static async Task<List<AgentId>> ListAll(IAgentDirectory directory, int limit)
    {
        var listed = new List<AgentId>();
        AgentId? after = null;
        do
        {
            var page = await directory.ListAsync(after, limit);
            Assert.True(page.Agents.Count <= limit);
            listed.AddRange(page.Agents.Select(a => a.Id));
            after = page.Next;
        }
        while (after is not null);

        return listed;
    }
}
