using Npgsql;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>Settings of the PostgreSQL storage.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>Gets or sets the connection string, such as <c>Host=127.0.0.1;Database=customercare;Username=cc</c>.</summary>
    /// <value>No default. Ignored when <see cref="DataSource"/> is set.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets a data source that the host built and owns, for example to share its connection pool.</summary>
    /// <value>
    /// No default. The storage maps NodaTime types itself, so the data source needs no NodaTime plugin; it must not be
    /// disposed while CustomerCare uses it.
    /// </value>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>Gets or sets a value indicating whether the storage brings the schema up to date on first use.</summary>
    /// <value>
    /// The default is <see langword="true"/>. Set it to <see langword="false"/> when a DBA applies
    /// <see cref="PostgreSqlSchema.GetSchemaScript"/>; the storage then checks the version and fails with a clear
    /// message when the database is behind.
    /// </value>
    public bool ApplyMigrations { get; set; } = true;
}
