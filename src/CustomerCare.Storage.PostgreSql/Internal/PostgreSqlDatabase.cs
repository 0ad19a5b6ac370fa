using System.Data;
using Npgsql;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>Hands out connections from the data source and brings the schema up to date once, on first use.</summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly bool _applyMigrations;
    private readonly IClock _clock;
    private readonly Lock _lock = new();
    private Task? _ready;

    public PostgreSqlDatabase(PostgreSqlStorageOptions options, IClock clock)
    {
        Validate(options);
        _clock = Guard.NotNull(clock);
        _applyMigrations = options.ApplyMigrations;
        if (options.DataSource is { } dataSource)
        {
            _dataSource = dataSource;
        }
        else
        {
            _dataSource = NpgsqlDataSource.Create(options.ConnectionString!);
            _ownsDataSource = true;
        }
    }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Throws when <paramref name="options"/> name no database.</summary>
    public static void Validate(PostgreSqlStorageOptions options)
    {
        Guard.NotNull(options);
        if (options.DataSource is null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                "The PostgreSQL storage needs a database: set ConnectionString or DataSource.",
                nameof(options));
        }
    }

    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a connection and starts a read-committed transaction.</summary>
    public async ValueTask<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            return new WriteScope(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // A failed first attempt is retried by the next caller instead of failing forever.
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = _applyMigrations
                    ? PostgreSqlSchema.MigrateAsync(_dataSource, _clock, cancellationToken)
                    : PostgreSqlSchema.VerifyAsync(_dataSource, cancellationToken);
            }

            return _ready;
        }
    }

    /// <summary>A connection with an open transaction; disposing it rolls back unless committed.</summary>
    internal sealed class WriteScope(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public NpgsqlConnection Connection { get; } = connection;

        public NpgsqlTransaction Transaction { get; } = transaction;

        public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

        public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
