using BenchmarkDotNet.Attributes;
using Nonprofit.Cli;

namespace Nonprofit.Benchmarks.Cli;

/// <summary>
/// What every <c>nonprofit</c> invocation pays before it does its job: building the command tree and
/// parsing the command line. Each command group a package adds shows up here.
/// </summary>
[MemoryDiagnoser]
public class CliStartupBenchmarks
{
    private static readonly CliConsole s_console = new(TextReader.Null, TextWriter.Null, TextWriter.Null);

    [Benchmark(Baseline = true)]
    public object CreateRootCommand() => NonprofitCli.CreateRootCommand(s_console);

    [Benchmark]
    public object CreateAndParse() => NonprofitCli.CreateRootCommand(s_console).Parse(["--version"]);
}
