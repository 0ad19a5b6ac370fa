using System.Globalization;
using System.Text;

namespace CustomerCare.Samples.ServiceDesk.Cli;

/// <summary>Where the simulation keeps its state: in memory, in a SQLite file, or on a PostgreSQL server.</summary>
/// <param name="Kind">The storage kind.</param>
/// <param name="ConnectionString">The ADO.NET connection string; empty for memory.</param>
/// <param name="Display">The target as it is shown in the report, with any password masked.</param>
internal sealed record DatabaseTarget(DatabaseKind Kind, string ConnectionString, string Display)
{
    public const string DefaultSqliteFile = "servicedesk.db";

    /// <summary>Gets the SQLite file, or null for another kind.</summary>
    public string? SqliteFile { get; init; }

    /// <summary>
    /// Parses the <c>--database</c> value: <c>memory</c>; a SQLite file path, <c>sqlite:PATH</c> or a SQLite
    /// connection string with <c>Data Source=</c>; a PostgreSQL URL <c>postgres://user:password@host:port/database</c>
    /// or an Npgsql connection string with <c>Host=</c>.
    /// </summary>
    /// <exception cref="FormatException">The value is none of these forms; the message names the expected ones.</exception>
    public static DatabaseTarget Parse(string? value)
    {
        var text = (value ?? DefaultSqliteFile).Trim();
        if (text.Length == 0)
        {
            throw new FormatException($"The database is empty. {Expected}");
        }

        if (text.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseKind.Memory, "", "the in-memory stores");
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(text);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseKind.PostgreSql, text, "PostgreSQL " + MaskPassword(text));
        }

        if (text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            var file = text[(text.IndexOf("Data Source=", StringComparison.OrdinalIgnoreCase) + "Data Source=".Length)..].Split(';')[0].Trim();
            return new DatabaseTarget(DatabaseKind.Sqlite, text, $"SQLite file {file}") { SqliteFile = file };
        }

        var path = text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? text["sqlite:".Length..] : text;
        if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not a database this sample can use. {Expected}");
        }

        return new DatabaseTarget(DatabaseKind.Sqlite, $"Data Source={path}", $"SQLite file {path}") { SqliteFile = path };
    }

    private const string Expected =
        "Expected 'memory', a SQLite file path such as servicedesk.db, 'sqlite:PATH', " +
        "a PostgreSQL URL such as postgres://user:password@localhost:5432/customercare, or an Npgsql connection string with Host=.";

    private static DatabaseTarget FromPostgresUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"'{MaskUrl(text)}' is not a valid PostgreSQL URL. {Expected}");
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length == 0)
        {
            throw new FormatException($"'{MaskUrl(text)}' names no database after the host. {Expected}");
        }

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Host={uri.Host};Port={(uri.Port > 0 ? uri.Port : 5432)};Database={Uri.UnescapeDataString(database)}");
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Append(CultureInfo.InvariantCulture, $";Username={Uri.UnescapeDataString(parts[0])}");
            if (parts.Length == 2)
            {
                builder.Append(CultureInfo.InvariantCulture, $";Password={Uri.UnescapeDataString(parts[1])}");
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, val) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            builder.Append(CultureInfo.InvariantCulture, $";{Uri.UnescapeDataString(key)}={Uri.UnescapeDataString(val)}");
        }

        return new DatabaseTarget(DatabaseKind.PostgreSql, builder.ToString(), "PostgreSQL " + MaskUrl(text));
    }

    private static string MaskUrl(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var colon = url.IndexOf(':', url.IndexOf("//", StringComparison.Ordinal) + 2);
        return at > 0 && colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }

    private static string MaskPassword(string connectionString) =>
        string.Join(';', connectionString.Split(';').Select(p => p.TrimStart().StartsWith("Password=", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p));
}
