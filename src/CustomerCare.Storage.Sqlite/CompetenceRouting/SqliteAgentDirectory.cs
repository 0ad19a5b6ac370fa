using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// The agent directory on SQLite, in the tables <c>cc_rt_agents</c> (one row per agent with its presence, capacity
/// and load) and <c>cc_rt_assignments</c> (one row per concern an agent holds capacity for).
/// </summary>
/// <remarks>
/// <para>
/// Every write runs in one <c>BEGIN IMMEDIATE</c> transaction, which holds the database's write lock from its first
/// statement. A claim reads the agent, evaluates the requirement on that stored state and adds the assignment inside
/// that transaction, so two claims for an agent's last free unit, from this or another process, run one after the
/// other and the second sees no capacity. The primary key on agent and concern makes a repeated claim write nothing.
/// </para>
/// <para>
/// Instants are kept to the microsecond; finer parts are truncated towards the past, also in the agent that a write
/// returns. The store never reads a clock. This type is thread-safe, and several processes may share the database
/// file.
/// </para>
/// </remarks>
public sealed class SqliteAgentDirectory : IAgentDirectory
{
    private const int MaxLimit = 1000;

    private const string AgentColumns =
        "a.agent_id, a.version, a.presence, a.capacity_units, a.load, a.idle_since, a.document, s.concern_id, s.channel, s.cost, s.since";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new directory on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the directory's own operations take "now" from their caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteAgentDirectory(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteAgentDirectory(SqliteDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<Agent?> FindAsync(AgentId agentId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = connection.CreateCommand();
            return await FindAsync(find, agentId, cancellationToken).ConfigureAwait(false);
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
            var list = connection.CreateCommand();
            list.CommandText =
                $"SELECT {AgentColumns} FROM (SELECT * FROM cc_rt_agents WHERE agent_id > $after ORDER BY agent_id LIMIT $take) a " +
                "LEFT JOIN cc_rt_assignments s ON s.agent_id = a.agent_id ORDER BY a.agent_id, s.ordinal";
            list.Parameters.AddWithValue("$after", after is { } cursor ? cursor.ToString() : string.Empty);
            list.Parameters.AddWithValue("$take", limit + 1);
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
        var id = agent.Id.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var write = expectedVersion == 0
                ? scope.Command(
                    "INSERT INTO cc_rt_agents (agent_id, version, presence, capacity_units, load, idle_since, document) " +
                    "VALUES ($id, $version, $presence, $units, $load, $idle, $document) ON CONFLICT (agent_id) DO NOTHING")
                : scope.Command(
                    "UPDATE cc_rt_agents SET version = $version, presence = $presence, capacity_units = $units, load = $load, idle_since = $idle, " +
                    "document = $document WHERE agent_id = $id AND version = $expected");
            write.Parameters.AddWithValue("$id", id);
            write.Parameters.AddWithValue("$version", columns.Version);
            write.Parameters.AddWithValue("$presence", (int)columns.Presence);
            write.Parameters.AddWithValue("$units", columns.CapacityUnits);
            write.Parameters.AddWithValue("$load", columns.Load);
            write.Parameters.AddWithValue("$idle", SqliteInstant.ToMicroseconds(columns.IdleSince));
            write.Parameters.AddWithValue("$document", columns.Document);
            if (expectedVersion > 0)
            {
                write.Parameters.AddWithValue("$expected", expectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var stored = await ReadVersionAsync(scope, id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(nameof(Agent), id, expectedVersion, stored);
            }

            if (expectedVersion > 0)
            {
                var delete = scope.Command("DELETE FROM cc_rt_assignments WHERE agent_id = $id");
                delete.Parameters.AddWithValue("$id", id);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < columns.Assignments.Count; i++)
            {
                await InsertAssignmentAsync(scope, id, i, columns.Assignments[i], cancellationToken).ConfigureAwait(false);
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

        var id = agentId.ToString();
        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // The assignments go with the agent through ON DELETE CASCADE.
            var delete = scope.Command("DELETE FROM cc_rt_agents WHERE agent_id = $id AND version = $expected");
            delete.Parameters.AddWithValue("$id", id);
            delete.Parameters.AddWithValue("$expected", expectedVersion);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            var stored = await ReadVersionAsync(scope, id, cancellationToken).ConfigureAwait(false);
            return stored is null ? false : throw new ConcurrencyConflictException(nameof(Agent), id, expectedVersion, stored);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<CapacityClaimResult> ClaimCapacityAsync(CapacityClaim claim, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(claim);

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var agent = await FindAsync(scope.Command(string.Empty), claim.Agent, cancellationToken).ConfigureAwait(false);
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
            var id = agent.Id.ToString();
            await UpdateLoadAsync(scope, id, columns, agent.Version, cancellationToken).ConfigureAwait(false);

            var next = scope.Command("SELECT COALESCE(MAX(ordinal), -1) + 1 FROM cc_rt_assignments WHERE agent_id = $id");
            next.Parameters.AddWithValue("$id", id);
            var ordinal = (long)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await InsertAssignmentAsync(scope, id, ordinal, columns.Assignments[^1], cancellationToken).ConfigureAwait(false);
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
            var agent = await FindAsync(scope.Command(string.Empty), agentId, cancellationToken).ConfigureAwait(false);
            if (agent is null || !agent.Holds(concernId))
            {
                return agent;
            }

            var columns = RoutingDocuments.ToColumns(agent.WithoutAssignment(concernId, at), agent.Version + 1);
            var id = agentId.ToString();
            await UpdateLoadAsync(scope, id, columns, agent.Version, cancellationToken).ConfigureAwait(false);

            var delete = scope.Command("DELETE FROM cc_rt_assignments WHERE agent_id = $id AND concern_id = $concern");
            delete.Parameters.AddWithValue("$id", id);
            delete.Parameters.AddWithValue("$concern", concernId.ToString());
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return RoutingDocuments.ReadAgent(columns);
        }
    }

    private static async Task<Agent?> FindAsync(SqliteCommand find, AgentId agentId, CancellationToken cancellationToken)
    {
        // One statement reads the agent and its assignments from the same snapshot of the database.
        find.CommandText =
            $"SELECT {AgentColumns} FROM cc_rt_agents a LEFT JOIN cc_rt_assignments s ON s.agent_id = a.agent_id " +
            "WHERE a.agent_id = $id ORDER BY s.ordinal";
        find.Parameters.AddWithValue("$id", agentId.ToString());
        var agents = await ReadAgentsAsync(find, cancellationToken).ConfigureAwait(false);
        return agents.Count == 0 ? null : agents[0];
    }

    /// <summary>Reads agent rows joined with their assignments, sorted by agent and then by ordinal.</summary>
    private static async Task<List<Agent>> ReadAgentsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var agents = new List<Agent>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            string? current = null;
            RoutingDocuments.AgentColumns columns = default;
            var assignments = new List<AgentAssignment>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (id != current)
                {
                    if (current is not null)
                    {
                        agents.Add(RoutingDocuments.ReadAgent(columns with { Assignments = [.. assignments] }));
                    }

                    current = id;
                    assignments.Clear();
                    columns = new RoutingDocuments.AgentColumns(
                        ParseId(id),
                        reader.GetInt64(1),
                        (Presence)reader.GetInt32(2),
                        reader.GetInt32(3),
                        reader.GetInt32(4),
                        SqliteInstant.FromMicroseconds(reader.GetInt64(5)),
                        reader.GetString(6),
                        []);
                }

                if (!reader.IsDBNull(7))
                {
                    assignments.Add(new AgentAssignment(
                        ConcernId.Parse(reader.GetString(7)),
                        Channel.Parse(reader.GetString(8)),
                        reader.GetInt32(9),
                        SqliteInstant.FromMicroseconds(reader.GetInt64(10))));
                }
            }

            if (current is not null)
            {
                agents.Add(RoutingDocuments.ReadAgent(columns with { Assignments = [.. assignments] }));
            }
        }

        return agents;
    }

    private static AgentId ParseId(string text) =>
        AgentId.TryParse(text, out var id) ? id : throw new InvalidDataException($"The agent_id '{text}' in cc_rt_agents is no agent identifier. Fix or delete the row.");

    private static async Task UpdateLoadAsync(SqliteDatabase.WriteScope scope, string id, RoutingDocuments.AgentColumns columns, long expectedVersion, CancellationToken cancellationToken)
    {
        var update = scope.Command("UPDATE cc_rt_agents SET version = $version, load = $load, idle_since = $idle WHERE agent_id = $id AND version = $expected");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$version", columns.Version);
        update.Parameters.AddWithValue("$load", columns.Load);
        update.Parameters.AddWithValue("$idle", SqliteInstant.ToMicroseconds(columns.IdleSince));
        update.Parameters.AddWithValue("$expected", expectedVersion);
        var updated = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        // The transaction has held the write lock since it read the agent, so the version cannot have moved.
        Guard.Invariant(updated == 1);
    }

    private static async Task InsertAssignmentAsync(SqliteDatabase.WriteScope scope, string id, long ordinal, AgentAssignment assignment, CancellationToken cancellationToken)
    {
        var insert = scope.Command(
            "INSERT INTO cc_rt_assignments (agent_id, concern_id, ordinal, channel, cost, since) VALUES ($id, $concern, $ordinal, $channel, $cost, $since)");
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$concern", assignment.ConcernId.ToString());
        insert.Parameters.AddWithValue("$ordinal", ordinal);
        insert.Parameters.AddWithValue("$channel", assignment.Channel.Name);
        insert.Parameters.AddWithValue("$cost", assignment.Cost);
        insert.Parameters.AddWithValue("$since", SqliteInstant.ToMicroseconds(assignment.Since));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, string id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_rt_agents WHERE agent_id = $id");
        read.Parameters.AddWithValue("$id", id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }
}
