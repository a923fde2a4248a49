using System.Diagnostics;
using System.Text;

namespace Nonprofit.Cli.Tests;

/// <summary>Runs the CLI in-process with in-memory streams, or as a real process.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> InvokeAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await NonprofitCli.InvokeAsync(args, new CliConsole(input, output, error));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built tool (the same entry point <c>dotnet run</c> and the installed tool use).</summary>
    public static Task<CliResult> RunProcessAsync(params string[] args) => RunProcessWithInputAsync(null, args);

    /// <summary>Runs the built tool with <paramref name="stdin"/> (UTF-8, no BOM) as its standard input.</summary>
    public static async Task<CliResult> RunProcessWithInputAsync(string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Nonprofit.Cli.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
