namespace CustomerCare.Storage.Sqlite;

/// <summary>Settings of the SQLite storage.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Gets or sets the connection string, such as <c>Data Source=customercare.db</c>.</summary>
    /// <value>No default; <c>UseSqlite</c> sets it. The database file is created when it does not exist.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets how long a write waits for another connection's write lock before it fails.</summary>
    /// <value>The default is 5 seconds; it becomes SQLite's <c>busy_timeout</c>.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets a value indicating whether the storage brings the schema up to date on first use.</summary>
    /// <value>
    /// The default is <see langword="true"/>. Set it to <see langword="false"/> when the schema is applied from
    /// <see cref="SqliteSchema.GetSchemaScript"/> by other means; the storage then checks the version and fails with a
    /// clear message when the database is behind.
    /// </value>
    public bool ApplyMigrations { get; set; } = true;
}
