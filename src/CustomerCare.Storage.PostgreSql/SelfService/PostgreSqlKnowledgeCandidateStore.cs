using CustomerCare.Core;
using CustomerCare.SelfService;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>The review queue of knowledge candidates on PostgreSQL, in the table <c>cc_ss_candidates</c>.</summary>
/// <remarks>
/// <para>
/// A candidate is a row with typed identifier, source concern, status and version columns and a <c>json</c> document
/// with the other properties. A unique key on the source concern keeps one candidate per concern, also when two
/// instances propose for it at the same moment. The second insert then waits for the first to commit and does nothing,
/// and its caller gets the stored candidate. A write changes the row only where the version still matches, so
/// of two reviewers who decide at the same moment one wins and the other gets
/// <see cref="ConcurrencyConflictException"/>. Instants are kept to the whole microsecond.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlKnowledgeCandidateStore : IKnowledgeCandidateStore
{
    private const int MaxLimit = 1000;
    private const string Columns = "SELECT id, source_concern, status, version, document FROM cc_ss_candidates";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations. The store itself reads no time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    public PostgreSqlKnowledgeCandidateStore(PostgreSqlStorageOptions options, IClock clock)
        : this(new PostgreSqlDatabase(options, clock))
    {
    }

    internal PostgreSqlKnowledgeCandidateStore(PostgreSqlDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc/>
    public async Task<KnowledgeCandidate> ProposeAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(candidate);
        if (candidate.Version != 0 || candidate.Status != KnowledgeCandidateStatus.Proposed)
        {
            throw new ArgumentException(
                $"Candidate {candidate.Id} has version {candidate.Version} and status {candidate.Status}; a proposal needs version 0 and status Proposed.",
                nameof(candidate));
        }

        Guard.NotDefault(candidate.Id);
        Guard.NotDefault(candidate.SourceConcern);
        var stored = CandidateDocument.Truncate(candidate) with { Version = 1 };
        var document = CandidateDocument.Write(stored);
        cancellationToken.ThrowIfCancellationRequested();

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            // Without a conflict target, DO NOTHING covers both unique keys: the identifier and the source concern.
            var insert = scope.Command(
                "INSERT INTO cc_ss_candidates (id, source_concern, status, version, document) VALUES (@id, @concern, @status, 1, @document) ON CONFLICT DO NOTHING");
            insert.Parameters.AddWithValue("id", candidate.Id.Value);
            insert.Parameters.AddWithValue("concern", candidate.SourceConcern.Value);
            insert.Parameters.AddWithValue("status", (short)KnowledgeCandidateStatus.Proposed);
            insert.Parameters.AddWithValue("document", NpgsqlDbType.Json, document);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }

            var byConcern = scope.Command(Columns + " WHERE source_concern = @concern");
            byConcern.Parameters.AddWithValue("concern", candidate.SourceConcern.Value);
            var existing = await ReadCandidatesAsync(byConcern, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 1)
            {
                return existing[0];
            }

            var read = scope.Command("SELECT version FROM cc_ss_candidates WHERE id = @id");
            read.Parameters.AddWithValue("id", candidate.Id.Value);
            var version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long value ? value : (long?)null;
            throw new ConcurrencyConflictException(nameof(KnowledgeCandidate), candidate.Id.ToString(), 0, version);
        }
    }

    /// <inheritdoc/>
    public async Task<KnowledgeCandidate?> FindAsync(KnowledgeCandidateId id, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(id);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var find = new NpgsqlCommand(Columns + " WHERE id = @id", connection);
            find.Parameters.AddWithValue("id", id.Value);
            var found = await ReadCandidatesAsync(find, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <inheritdoc/>
    public async Task<KnowledgeCandidate> SaveAsync(KnowledgeCandidate candidate, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(candidate);
        var saved = CandidateDocument.Truncate(candidate) with { Version = candidate.Version + 1 };
        var document = CandidateDocument.Write(saved);
        cancellationToken.ThrowIfCancellationRequested();

        var scope = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (scope.ConfigureAwait(false))
        {
            var update = scope.Command(
                "UPDATE cc_ss_candidates SET status = @status, version = version + 1, document = @document " +
                "WHERE id = @id AND version = @expected AND source_concern = @concern");
            update.Parameters.AddWithValue("id", candidate.Id.Value);
            update.Parameters.AddWithValue("concern", candidate.SourceConcern.Value);
            update.Parameters.AddWithValue("status", (short)candidate.Status);
            update.Parameters.AddWithValue("document", NpgsqlDbType.Json, document);
            update.Parameters.AddWithValue("expected", candidate.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return saved;
            }

            var read = scope.Command("SELECT version, source_concern FROM cc_ss_candidates WHERE id = @id");
            read.Parameters.AddWithValue("id", candidate.Id.Value);
            long? version = null;
            var storedConcern = default(ConcernId);
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    version = reader.GetInt64(0);
                    storedConcern = new ConcernId(reader.GetGuid(1));
                }
            }

            if (version != candidate.Version)
            {
                throw new ConcurrencyConflictException(nameof(KnowledgeCandidate), candidate.Id.ToString(), candidate.Version, version);
            }

            // The version matches, so the row was left alone because it belongs to another concern.
            throw new ArgumentException(
                $"Candidate {candidate.Id} belongs to concern {storedConcern}; the source concern cannot change.", nameof(candidate));
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KnowledgeCandidate>> ListAsync(
        KnowledgeCandidateStatus? status, KnowledgeCandidateId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, MaxLimit);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = new NpgsqlCommand(
                (status, after) switch
                {
                    (null, null) => Columns,
                    (_, null) => Columns + " WHERE status = @status",
                    (null, _) => Columns + " WHERE id > @after",
                    _ => Columns + " WHERE status = @status AND id > @after",
                } + " ORDER BY id LIMIT @limit",
                connection);
            list.Parameters.AddWithValue("status", (short)(status ?? default));
            list.Parameters.AddWithValue("after", after?.Value ?? Guid.Empty);
            list.Parameters.AddWithValue("limit", limit);
            return await ReadCandidatesAsync(list, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<KnowledgeCandidate>> ReadCandidatesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var candidates = new List<KnowledgeCandidate>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(CandidateDocument.Read(
                    new KnowledgeCandidateId(reader.GetGuid(0)), new ConcernId(reader.GetGuid(1)), reader.GetInt16(2), reader.GetInt64(3), reader.GetString(4)));
            }
        }

        return candidates;
    }
}
