using System;
using System.IO;

namespace Nonprofit.Cli;

/// <summary>
/// The standard streams a command reads and writes. Commands never touch <see cref="Console"/> directly,
/// so tests can run them in-process with in-memory streams.
/// </summary>
/// <param name="In">Standard input (JSON Lines or text, depending on the command).</param>
/// <param name="Out">Standard output: the command's result.</param>
/// <param name="Error">Standard error: diagnostics for the person at the terminal.</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Gets the console of the current process.</summary>
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);
}
