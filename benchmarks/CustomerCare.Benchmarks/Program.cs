using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/CustomerCare.Benchmarks -- --filter '*'
// Pick one class with, for example, --filter '*IdentifierBenchmarks*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
