namespace CustomerCare.Tests.Shared;

/// <summary>
/// Finds the public datasets (BANKING77, CFPB complaints, the UCI incident event log) that some tests read.
/// The data is not part of the repository. Tests that need it skip with <see cref="SkipReason"/> when it is absent.
/// </summary>
internal static class SharedData
{
    /// <summary>The environment variable that points at the data folder and overrides the search.</summary>
    public const string EnvironmentVariable = "CUSTOMERCARE_DATA_DIR";

    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>Gets the data folder, or <see langword="null"/> when it is absent.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Gets the message for a skipped test.</summary>
    public static string SkipReason =>
        $"The public datasets are absent: set {EnvironmentVariable} to a folder with banking77/, cfpb_complaints_sample/ " +
        "and uci_incident_event_log_sample/, or place it as shared/data beside an ancestor folder of the repository.";

    /// <summary>Returns the path of a file in the data folder, or <see langword="null"/> when the folder or the file is absent.</summary>
    public static string? File(params string[] parts)
    {
        if (Directory is null)
        {
            return null;
        }

        var path = Path.Combine([Directory, .. parts]);
        return System.IO.File.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
