using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite database with the settings every store needs, and brings the schema up to date
/// once, on first use.
/// </summary>
/// <remarks>
/// Connections use WAL journaling, so readers never block the one writer, and a busy timeout, so a writer waits for
/// another writer's lock instead of failing at once. Writes start with <c>BEGIN IMMEDIATE</c>, which takes the write
/// lock up front: two read-then-write transactions can then never deadlock on a lock upgrade.
/// </remarks>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _busyPragma;
    private readonly bool _applyMigrations;
    private readonly IClock _clock;
    private readonly Lock _lock = new();
    private Task? _ready;

    public SqliteDatabase(SqliteStorageOptions options, IClock clock)
    {
        Validate(options);
        _clock = Guard.NotNull(clock);

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = true };
        _connectionString = builder.ToString();
        _busyPragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={(long)options.BusyTimeout.TotalMilliseconds};");
        _applyMigrations = options.ApplyMigrations;
    }

    /// <summary>Throws when <paramref name="options"/> cannot open a database.</summary>
    public static void Validate(SqliteStorageOptions options)
    {
        Guard.NotNull(options);
        Guard.NotNullOrWhiteSpace(options.ConnectionString, nameof(options.ConnectionString));
        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.BusyTimeout,
                $"BusyTimeout is {options.BusyTimeout}, but it must be between zero and 10 minutes.");
        }
    }

    /// <summary>Opens a connection for reading.</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var pragma = connection.CreateCommand();
            pragma.CommandText = _busyPragma + "PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection and starts a write transaction that holds the write lock.</summary>
    public async ValueTask<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = connection.BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // A failed first attempt is retried by the next caller instead of failing forever.
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = PrepareAsync(cancellationToken);
            }

            return _ready;
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_applyMigrations)
        {
            await SqliteSchema.MigrateAsync(_connectionString, _clock, cancellationToken).ConfigureAwait(false);
            return;
        }

        var connection = new SqliteConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await SqliteSchema.VerifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A connection with an open write transaction; disposing it rolls back unless committed.</summary>
    internal sealed class WriteScope(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public SqliteTransaction Transaction { get; } = transaction;

        public SqliteCommand Command(string sql)
        {
            var command = Connection.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = sql;
            return command;
        }

        public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
