using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project benchmarks/Nonprofit.Benchmarks -- --filter '*Cli*'
// See docs/benchmarks.md for the conventions (peers side by side, ratios from one run).
BenchmarkSwitcher.FromAssembly(typeof(Nonprofit.Benchmarks.Cli.CliStartupBenchmarks).Assembly).Run(args);
