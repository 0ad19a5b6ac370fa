namespace CustomerCare.Storage.Sqlite.Tests;

/// <summary>A database file in a folder of its own that is deleted with the object.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "customercare-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "test.db");
    }

    /// <summary>Gets the clock that dates migrations in these tests.</summary>
    public static NodaTime.Testing.FakeClock Clock { get; } = new(NodaTime.Instant.FromUtc(2026, 1, 5, 9, 0));

    public string Folder { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public SqliteStorageOptions Options => new() { ConnectionString = ConnectionString };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a test that failed; the OS temp cleaner removes it later.
        }
    }
}
