using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// The agent directory on PostgreSQL, in the tables <c>cc_rt_agents</c> (one row per agent with its presence,
/// capacity and load) and <c>cc_rt_assignments</c> (one row per concern an agent holds capacity for).
/// </summary>
/// <remarks>
/// <para>
/// A claim or a release locks the agent's row with <c>SELECT … FOR UPDATE</c>, then reads the agent with its
/// assignments, evaluates the requirement on that state and writes the assignment in the same transaction. Claims on one agent therefore run one after the
/// other across every host instance: of two claims for an agent's last free unit, the second sees no capacity and
/// returns <see cref="CapacityClaimStatus.NotEligible"/>. Claims on different agents do not wait for each other. The
/// primary key on agent and concern makes a repeated claim write nothing.
/// </para>
/// <para>
/// A save updates the row only where the version is the expected one. A concurrent writer waits on the row lock and
/// then fails with <see cref="ConcurrencyConflictException"/>. Instants are kept to the microsecond; finer parts are
/// truncated towards the past, also in the agent that a write returns. The store never reads a clock. This type is
/// thread-safe.
/// </para>
/// </remarks>
public sealed class PostgreSqlAgentDirectory : IAgentDirectory
{
    private const int MaxLimit = 1000;

    private const string AgentColumns =
        "a.agent_id, a.version, a.presence, a.capacity_units, a.load, a.idle_since, a.document, s.concern_id, s.channel, s.cost, s.since";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new directory on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the directory's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlAgentDirectory(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlAgentDirectory(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<Agent?> FindAsync(AgentId agentId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await FindAsync(new NpgsqlCommand(null, connection), agentId, forUpdate: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<AgentPage> ListAsync(AgentId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement reads the page's agents and their assignments from the same snapshot of the database.
            var list = new NpgsqlCommand(
                $"SELECT {AgentColumns} FROM (SELECT * FROM cc_rt_agents{(after is null ? string.Empty : " WHERE agent_id > @after")} ORDER BY agent_id LIMIT @take) a " +
                "LEFT JOIN cc_rt_assignments s ON s.agent_id = a.agent_id ORDER BY a.agent_id, s.ordinal",
                connection);
            if (after is { } cursor)
            {
                list.Parameters.AddWithValue("after", cursor.Value);
            }

            list.Parameters.AddWithValue("take", limit + 1);
            var agents = await ReadAgentsAsync(list, cancellationToken).ConfigureAwait(false);
            var more = agents.Count > limit;
            if (more)
            {
                agents.RemoveAt(limit);
            }

            return new AgentPage(agents, more ? agents[^1].Id : null);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Agent> SaveAsync(Agent agent, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(agent);
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Versions start at 0 (must not exist yet). Pass the version you read.");
        }

        var columns = RoutingDocuments.ToColumns(agent, expectedVersion + 1);
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // A new agent waits on a concurrent insert of the same id and then inserts nothing. An update waits on the
            // row lock of a concurrent writer and then re-checks the version against the committed row.
            var write = expectedVersion == 0
                ? scope.Command(
                    "INSERT INTO cc_rt_agents (agent_id, version, presence, capacity_units, load, idle_since, document) " +
                    "VALUES (@id, @version, @presence, @units, @load, @idle, @document) ON CONFLICT (agent_id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_rt_agents SET version = @version, presence = @presence, capacity_units = @units, load = @load, idle_since = @idle, " +
                    "document = @document WHERE agent_id = @id AND version = @expected");
            write.Parameters.AddWithValue("id", agent.Id.Value);
            write.Parameters.AddWithValue("version", columns.Version);
            write.Parameters.AddWithValue("presence", (short)columns.Presence);
            write.Parameters.AddWithValue("units", columns.CapacityUnits);
            write.Parameters.AddWithValue("load", columns.Load);
            write.Parameters.AddWithValue("idle", PostgreSqlInstant.ToDateTime(columns.IdleSince));
            write.Parameters.AddWithValue("document", NpgsqlDbType.Json, columns.Document);
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var stored = await ReadVersionAsync(scope, agent.Id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(nameof(Agent), agent.Id.ToString(), expectedVersion, stored);
            }

            if (expectedVersion > 0)
            {
                var delete = scope.Command("DELETE FROM cc_rt_assignments WHERE agent_id = @id");
                delete.Parameters.AddWithValue("id", agent.Id.Value);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < columns.Assignments.Count; i++)
            {
                await InsertAssignmentAsync(scope, agent.Id, i, columns.Assignments[i], cancellationToken).ConfigureAwait(false);
            }

            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return RoutingDocuments.ReadAgent(columns);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(AgentId agentId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "Stored agents have version 1 or more. Pass the version you read.");
        }

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The assignments go with the agent through ON DELETE CASCADE.
            var delete = scope.Command("DELETE FROM cc_rt_agents WHERE agent_id = @id AND version = @expected");
            delete.Parameters.AddWithValue("id", agentId.Value);
            delete.Parameters.AddWithValue("expected", expectedVersion);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            var stored = await ReadVersionAsync(scope, agentId, cancellationToken).ConfigureAwait(false);
            return stored is null ? false : throw new ConcurrencyConflictException(nameof(Agent), agentId.ToString(), expectedVersion, stored);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<CapacityClaimResult> ClaimCapacityAsync(CapacityClaim claim, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(claim);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var agent = await FindAsync(scope.Command(string.Empty), claim.Agent, forUpdate: true, cancellationToken).ConfigureAwait(false);
            if (agent is null)
            {
                return new CapacityClaimResult(CapacityClaimStatus.AgentNotFound, null, AgentCheck.Eligible);
            }

            if (agent.Holds(claim.Concern))
            {
                return new CapacityClaimResult(CapacityClaimStatus.AlreadyHeld, agent, AgentCheck.Eligible);
            }

            var check = claim.Requirement.Evaluate(agent);
            if (!check.IsEligible)
            {
                return new CapacityClaimResult(CapacityClaimStatus.NotEligible, agent, check);
            }

            var channel = claim.Requirement.Channel;
            var assignment = new AgentAssignment(claim.Concern, channel, agent.Capacity.CostOf(channel), claim.At);
            var columns = RoutingDocuments.ToColumns(agent.WithAssignment(assignment, claim.At), agent.Version + 1);
            await UpdateLoadAsync(scope, agent.Id, columns, agent.Version, cancellationToken).ConfigureAwait(false);

            var next = scope.Command("SELECT COALESCE(MAX(ordinal), -1) + 1 FROM cc_rt_assignments WHERE agent_id = @id");
            next.Parameters.AddWithValue("id", agent.Id.Value);
            var ordinal = (int)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await InsertAssignmentAsync(scope, agent.Id, ordinal, columns.Assignments[^1], cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new CapacityClaimResult(CapacityClaimStatus.Claimed, RoutingDocuments.ReadAgent(columns), check);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Agent?> ReleaseCapacityAsync(AgentId agentId, ConcernId concernId, Instant at, CancellationToken cancellationToken = default)
    {
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var agent = await FindAsync(scope.Command(string.Empty), agentId, forUpdate: true, cancellationToken).ConfigureAwait(false);
            if (agent is null || !agent.Holds(concernId))
            {
                return agent;
            }

            var columns = RoutingDocuments.ToColumns(agent.WithoutAssignment(concernId, at), agent.Version + 1);
            await UpdateLoadAsync(scope, agentId, columns, agent.Version, cancellationToken).ConfigureAwait(false);

            var delete = scope.Command("DELETE FROM cc_rt_assignments WHERE agent_id = @id AND concern_id = @concern");
            delete.Parameters.AddWithValue("id", agentId.Value);
            delete.Parameters.AddWithValue("concern", concernId.Value);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return RoutingDocuments.ReadAgent(columns);
        }
    }

    private static async Task<Agent?> FindAsync(NpgsqlCommand find, AgentId agentId, bool forUpdate, CancellationToken cancellationToken)
    {
        find.Parameters.AddWithValue("id", agentId.Value);
        if (forUpdate)
        {
            // Every claim, release and save of the agent locks its row. The lock is a statement of its own: a locking
            // read that waited re-reads only the locked row, and a join in it would still see the assignments from
            // before the wait. The read below starts after the lock, so under READ COMMITTED it sees every
            // assignment that the previous holder of the lock committed.
            find.CommandText = "SELECT 1 FROM cc_rt_agents WHERE agent_id = @id FOR UPDATE";
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }
        }

        // One statement reads the agent and its assignments from the same snapshot of the database.
        find.CommandText =
            $"SELECT {AgentColumns} FROM cc_rt_agents a LEFT JOIN cc_rt_assignments s ON s.agent_id = a.agent_id " +
            "WHERE a.agent_id = @id ORDER BY s.ordinal";
        var agents = await ReadAgentsAsync(find, cancellationToken).ConfigureAwait(false);
        return agents.Count == 0 ? null : agents[0];
    }

    /// <summary>Reads agent rows joined with their assignments, sorted by agent and then by ordinal.</summary>
    private static async Task<List<Agent>> ReadAgentsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var agents = new List<Agent>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            Guid? current = null;
            RoutingDocuments.AgentColumns columns = default;
            var assignments = new List<AgentAssignment>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetGuid(0);
                if (id != current)
                {
                    if (current is not null)
                    {
                        agents.Add(RoutingDocuments.ReadAgent(columns with { Assignments = [.. assignments] }));
                    }

                    current = id;
                    assignments.Clear();
                    columns = new RoutingDocuments.AgentColumns(
                        new AgentId(id),
                        reader.GetInt64(1),
                        (Presence)reader.GetInt16(2),
                        reader.GetInt32(3),
                        reader.GetInt32(4),
                        PostgreSqlInstant.FromDateTime(reader.GetDateTime(5)),
                        reader.GetString(6),
                        []);
                }

                if (!reader.IsDBNull(7))
                {
                    assignments.Add(new AgentAssignment(
                        new ConcernId(reader.GetGuid(7)),
                        Channel.Parse(reader.GetString(8)),
                        reader.GetInt32(9),
                        PostgreSqlInstant.FromDateTime(reader.GetDateTime(10))));
                }
            }

            if (current is not null)
            {
                agents.Add(RoutingDocuments.ReadAgent(columns with { Assignments = [.. assignments] }));
            }
        }

        return agents;
    }

    private static async Task UpdateLoadAsync(PostgreSqlDatabase.WriteScope scope, AgentId id, RoutingDocuments.AgentColumns columns, long expectedVersion, CancellationToken cancellationToken)
    {
        var update = scope.Command("UPDATE cc_rt_agents SET version = @version, load = @load, idle_since = @idle WHERE agent_id = @id AND version = @expected");
        update.Parameters.AddWithValue("id", id.Value);
        update.Parameters.AddWithValue("version", columns.Version);
        update.Parameters.AddWithValue("load", columns.Load);
        update.Parameters.AddWithValue("idle", PostgreSqlInstant.ToDateTime(columns.IdleSince));
        update.Parameters.AddWithValue("expected", expectedVersion);
        var updated = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        // The transaction has held the row lock since it read the agent, so the version cannot have moved.
        Guard.Invariant(updated == 1);
    }

    private static async Task InsertAssignmentAsync(PostgreSqlDatabase.WriteScope scope, AgentId id, int ordinal, AgentAssignment assignment, CancellationToken cancellationToken)
    {
        var insert = scope.Command(
            "INSERT INTO cc_rt_assignments (agent_id, concern_id, ordinal, channel, cost, since) VALUES (@id, @concern, @ordinal, @channel, @cost, @since)");
        insert.Parameters.AddWithValue("id", id.Value);
        insert.Parameters.AddWithValue("concern", assignment.ConcernId.Value);
        insert.Parameters.AddWithValue("ordinal", ordinal);
        insert.Parameters.AddWithValue("channel", assignment.Channel.Name);
        insert.Parameters.AddWithValue("cost", assignment.Cost);
        insert.Parameters.AddWithValue("since", PostgreSqlInstant.ToDateTime(assignment.Since));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, AgentId id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_rt_agents WHERE agent_id = @id");
        read.Parameters.AddWithValue("id", id.Value);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }
}
