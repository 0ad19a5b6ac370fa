using System.Diagnostics;
using BenchmarkDotNet.Running;
using CustomerCare.Benchmarks.Kvp;

// Run with: dotnet run -c Release --project benchmarks/CustomerCare.Benchmarks -- --filter '*'
// Pick one class with, for example, --filter '*IdentifierBenchmarks*'.
// Measure the peak memory of the improvement metrics in a fresh process with: -- kvp-peak [business]
if (args.Length > 0 && args[0] == "kvp-peak")
{
    var businessTime = args.Length > 1 && args[1] == "business";
    var history = new SyntheticHistory();
    var before = Process.GetCurrentProcess();
    before.Refresh();
    var baseline = before.WorkingSet64;
    var watch = Stopwatch.StartNew();
    var snapshot = KvpMetricsBenchmarks.Run(history, businessTime);
    watch.Stop();
    var process = Process.GetCurrentProcess();
    process.Refresh();
    Console.WriteLine($"records: {history.Records}, concerns opened: {snapshot.ConcernsOpened}, business time: {businessTime}");
    Console.WriteLine($"elapsed: {watch.Elapsed.TotalMilliseconds:0} ms (one cold run, JIT included)");
    Console.WriteLine($"working set before the run: {baseline / 1048576.0:0.0} MiB; peak working set of the process: {process.PeakWorkingSet64 / 1048576.0:0.0} MiB");
    Console.WriteLine($"allocated by the process: {GC.GetTotalAllocatedBytes() / 1048576.0:0.0} MiB");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
