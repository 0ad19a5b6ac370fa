using System.Diagnostics;
using BenchmarkDotNet.Running;
using CustomerCare.Benchmarks.Kvp;
using CustomerCare.Samples.ServiceDesk.Simulation;

// Run with: dotnet run -c Release --project benchmarks/CustomerCare.Benchmarks -- --filter '*'
// Pick one class with, for example, --filter '*IdentifierBenchmarks*'.
// Measure the peak memory of the improvement metrics in a fresh process with: -- kvp-peak [business]
// Time one end-to-end replay of generated contacts through the service desk with: -- replay 100000 memory
// (or sqlite:/tmp/replay.db); it prints the wall-clock time, the CPU time and the bytes allocated.
if (args.Length > 0 && args[0] == "replay")
{
    var contacts = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    var database = args.Length > 2 ? args[2] : "memory";
    var replay = new GeneratedReplay(contacts, database);
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var concerns = await replay.RunAsync();
    watch.Stop();
    process.Refresh();
    Console.WriteLine($"replay of {replay.Contacts} contacts on {database}: {concerns} concerns opened; elapsed {watch.Elapsed.TotalSeconds:0.0} s, " +
        $"CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0} MiB");
    return;
}

if (args.Length > 0 && args[0] == "kvp-peak")
{
    var businessTime = args.Length > 1 && args[1] == "business";
    var history = new SyntheticHistory();
    GC.Collect();
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var baseline = process.WorkingSet64;
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    for (var run = 1; run <= 3; run++)
    {
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var snapshot = KvpMetricsBenchmarks.Run(history, businessTime);
        watch.Stop();
        process.Refresh();
        Console.WriteLine($"run {run}: {history.Records} records, {snapshot.ConcernsOpened} concerns, business time {businessTime}: " +
            $"elapsed {watch.Elapsed.TotalMilliseconds:0} ms, CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds:0} ms");
    }

    process.Refresh();
    Console.WriteLine($"working set with the data set loaded: {baseline / 1048576.0:0.0} MiB (managed heap {heapBefore / 1048576.0:0.0} MiB); " +
        $"peak working set of the process: {process.PeakWorkingSet64 / 1048576.0:0.0} MiB");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
