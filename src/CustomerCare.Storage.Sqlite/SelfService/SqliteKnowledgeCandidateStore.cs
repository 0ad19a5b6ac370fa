using CustomerCare.Core;
using CustomerCare.SelfService;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>The review queue of knowledge candidates on SQLite, in the table <c>cc_ss_candidates</c>.</summary>
/// <remarks>
/// <para>
/// A candidate is a row with typed identifier, source concern, status and version columns and a JSON document with
/// the other properties. A unique key on the source concern keeps one candidate per concern, and a write changes the
/// row only where the version still matches. Instants are kept to the whole microsecond.
/// </para>
/// <para>
/// Every write runs in a <c>BEGIN IMMEDIATE</c> transaction, so callers in one process or several are serialized by
/// SQLite's write lock. This type is thread-safe.
/// </para>
/// </remarks>
public sealed class SqliteKnowledgeCandidateStore : IKnowledgeCandidateStore
{
    private const string Columns = "SELECT id, source_concern, status, version, document FROM cc_ss_candidates";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store on the database that <paramref name="options"/> names.</summary>
    /// <param name="options">The storage settings.</param>
    /// <param name="clock">The clock that dates schema migrations; the store itself reads no time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    public SqliteKnowledgeCandidateStore(SqliteStorageOptions options, IClock clock)
        : this(new SqliteDatabase(options, clock))
    {
    }

    internal SqliteKnowledgeCandidateStore(SqliteDatabase database)
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
                "INSERT INTO cc_ss_candidates (id, source_concern, status, version, document) VALUES ($id, $concern, $status, 1, $document) ON CONFLICT DO NOTHING");
            insert.Parameters.AddWithValue("$id", candidate.Id.ToString());
            insert.Parameters.AddWithValue("$concern", candidate.SourceConcern.ToString());
            insert.Parameters.AddWithValue("$status", (int)KnowledgeCandidateStatus.Proposed);
            insert.Parameters.AddWithValue("$document", document);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }

            var byConcern = scope.Command(Columns + " WHERE source_concern = $concern");
            byConcern.Parameters.AddWithValue("$concern", candidate.SourceConcern.ToString());
            var existing = await ReadCandidatesAsync(byConcern, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 1)
            {
                return existing[0];
            }

            var version = await ReadVersionAsync(scope, candidate.Id, cancellationToken).ConfigureAwait(false);
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
            var find = connection.CreateCommand();
            find.CommandText = Columns + " WHERE id = $id";
            find.Parameters.AddWithValue("$id", id.ToString());
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
                "UPDATE cc_ss_candidates SET status = $status, version = version + 1, document = $document " +
                "WHERE id = $id AND version = $expected AND source_concern = $concern");
            update.Parameters.AddWithValue("$id", candidate.Id.ToString());
            update.Parameters.AddWithValue("$concern", candidate.SourceConcern.ToString());
            update.Parameters.AddWithValue("$status", (int)candidate.Status);
            update.Parameters.AddWithValue("$document", document);
            update.Parameters.AddWithValue("$expected", candidate.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
                return saved;
            }

            var version = await ReadVersionAsync(scope, candidate.Id, cancellationToken).ConfigureAwait(false);
            if (version != candidate.Version)
            {
                throw new ConcurrencyConflictException(nameof(KnowledgeCandidate), candidate.Id.ToString(), candidate.Version, version);
            }

            // The version matches, so the row was left alone because it belongs to another concern.
            var concern = scope.Command("SELECT source_concern FROM cc_ss_candidates WHERE id = $id");
            concern.Parameters.AddWithValue("$id", candidate.Id.ToString());
            var storedConcern = await concern.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            throw new ArgumentException(
                $"Candidate {candidate.Id} belongs to concern {storedConcern}; the source concern cannot change.", nameof(candidate));
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KnowledgeCandidate>> ListAsync(
        KnowledgeCandidateStatus? status, KnowledgeCandidateId? after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.InRange(limit, 1, 1000);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var list = connection.CreateCommand();
            list.CommandText = (status, after) switch
            {
                (null, null) => Columns,
                (_, null) => Columns + " WHERE status = $status",
                (null, _) => Columns + " WHERE id > $after",
                _ => Columns + " WHERE status = $status AND id > $after",
            } + " ORDER BY id LIMIT $limit";
            list.Parameters.AddWithValue("$status", (int?)status ?? 0);
            list.Parameters.AddWithValue("$after", after?.ToString() ?? string.Empty);
            list.Parameters.AddWithValue("$limit", limit);
            return await ReadCandidatesAsync(list, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long?> ReadVersionAsync(SqliteDatabase.WriteScope scope, KnowledgeCandidateId id, CancellationToken cancellationToken)
    {
        var read = scope.Command("SELECT version FROM cc_ss_candidates WHERE id = $id");
        read.Parameters.AddWithValue("$id", id.ToString());
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private static async Task<List<KnowledgeCandidate>> ReadCandidatesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var candidates = new List<KnowledgeCandidate>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(CandidateDocument.Read(
                    reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4)));
            }
        }

        return candidates;
    }
}
