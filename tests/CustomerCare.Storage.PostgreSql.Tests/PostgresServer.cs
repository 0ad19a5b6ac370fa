using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerCare.Storage.PostgreSql.Tests;

/// <summary>
/// A throwaway PostgreSQL server for the tests of this assembly: initialized in a temporary folder, listening on
/// 127.0.0.1 on a free port with fsync off, and stopped by its process id when the tests end.
/// </summary>
/// <remarks>
/// <para>
/// The binaries come from <c>/usr/lib/postgresql/*/bin</c> (the newest version). <c>initdb</c> refuses to run as
/// root, so under root the server runs as the <c>postgres</c> user through <c>runuser</c>. Setting
/// <c>CUSTOMERCARE_TEST_PG</c> to a connection string uses that server instead.
/// </para>
/// <para>
/// Without binaries the tests skip with <see cref="SkipReason"/>, except when the environment variable <c>CI</c> is
/// <c>true</c>: CI installs PostgreSQL, so a missing server there is a failure, not a skip.
/// </para>
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _folder;
    private int? _pid;
    private string? _adminConnectionString;

    /// <summary>Gets why the server is unavailable, or <see langword="null"/> when it runs.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Creates an empty database for one test or test class and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_adminConnectionString is null)
        {
            Assert.Skip(SkipReason ?? "PostgreSQL is not running.");
        }

        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_PG");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                .LastOrDefault()
            : null;
        if (bin is null)
        {
            SkipReason = "No PostgreSQL binaries in /usr/lib/postgresql/*/bin. Install the 'postgresql' package (.ci/run does) or set CUSTOMERCARE_TEST_PG.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(SkipReason + " CI=true, so the PostgreSQL tests must run.");
            }

            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "customercare-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres: {_folder}", asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U cc --auth=trust -E UTF8 --no-locale", asRoot);
        var port = FreePort();
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(_folder, "server.log")} -w -o \"{serverOptions}\" start", asRoot);
        _pid = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=cc;Database=postgres;Pooling=true;Maximum Pool Size=100";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_pid is { } pid && Directory.Exists($"/proc/{pid}"))
        {
            // The server is not a child of this process, so wait for its /proc entry to vanish.
            await RunAsync("kill", $"-TERM {pid}", asPostgres: false);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed with exit code {process.ExitCode}: {await error} {await output}");
        }
    }
}
