using System.Collections.Concurrent;
using System.Diagnostics;

namespace CustomerCare.Storage.Tests;

/// <summary>
/// Runs the CustomerCare.StorageLoad program as a separate process and collects the lines it prints, so a test can
/// kill it in the middle of a batch and compare what it reported as committed with what the store holds.
/// </summary>
internal sealed class LoadProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoadProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public static LoadProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProgramPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var load = new LoadProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                load._lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                load._lines.Enqueue("stderr: " + e.Data);
            }
        };
        process.Exited += (_, _) => load._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return load;
    }

    /// <summary>Waits until the process printed at least <paramref name="count"/> lines that start with <paramref name="prefix"/>.</summary>
    public async Task WaitForLinesAsync(string prefix, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (_lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) < count)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The load process exited with {_process.ExitCode} early: {string.Join(" | ", _lines)}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The load process printed {_lines.Count} lines in {timeout}, expected {count} starting with '{prefix}'.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Kills the process at once, as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public HashSet<string> KeysAfter(string prefix) =>
        _lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToHashSet(StringComparer.Ordinal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string ProgramPath()
    {
        // The test runs from tests/<project>/bin/<configuration>/<framework>/; the program builds to the same layout.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "benchmarks", "CustomerCare.StorageLoad", "bin", configuration.Name, framework.Name, "CustomerCare.StorageLoad.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build benchmarks/CustomerCare.StorageLoad first; {path} is missing.", path);
    }
}
