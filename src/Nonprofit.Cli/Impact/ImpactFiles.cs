using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Impact;

/// <summary>Input and output files of the impact commands, and their errors as the CLI reports them.</summary>
internal static class ImpactFiles
{
    /// <summary>Throws a bad-input error unless <paramref name="path"/> is an existing file.</summary>
    /// <param name="path">The path given on the command line.</param>
    /// <param name="what">What names the file in the message: an option (<c>--store</c>) or an argument name.</param>
    public static void RequireFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{what}: {path} is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{what}: {path}: no such file.");
        }
    }

    /// <summary>Throws a bad-input error unless the folder <paramref name="path"/> would be written in exists.</summary>
    /// <param name="path">The output file.</param>
    /// <param name="what">The option that names it.</param>
    public static void RequireOutputFolder(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{what}: {path} is a folder; name the file to write.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.BadInput, $"{what}: the folder of {path} does not exist.");
        }
    }

    /// <summary>Reads and validates a framework file.</summary>
    /// <exception cref="FrameworkValidationException">The file is malformed JSON or the framework is invalid.</exception>
    /// <exception cref="CliException">The file cannot be read.</exception>
    public static async Task<ResultsFramework> ReadFrameworkAsync(string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await ResultsFrameworkJson.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"{what}: {path}: permission denied.");
        }
        catch (IOException)
        {
            throw new CliException(ExitCodes.BadInput, $"{what}: {path}: cannot be read.");
        }
    }

    /// <summary>Formats an error as <c>PATH: message</c>; an error about the whole document has the path <c>$</c>.</summary>
    public static string Format(FrameworkError error) =>
        (error.Path.Length == 0 ? "$" : error.Path) + ": " + error.Message;

    /// <summary>Builds a bad-input error whose message is a heading followed by one indented <c>PATH: message</c> line per error.</summary>
    public static CliException BadInput(string heading, IReadOnlyList<FrameworkError> errors, string? hint = null)
    {
        var message = new StringBuilder(heading);
        foreach (var error in errors)
        {
            message.Append('\n').Append("  ").Append(Format(error));
        }

        if (hint is not null)
        {
            message.Append('\n').Append(hint);
        }

        return new CliException(ExitCodes.BadInput, message.ToString());
    }

    /// <summary>
    /// Runs <paramref name="write"/> and sends what it writes to <paramref name="outPath"/>, or to standard output
    /// when it is <see langword="null"/>. Nothing is written unless <paramref name="write"/> completes: a file is
    /// written beside its destination and renamed over it at the end; standard output gets the whole text at once.
    /// </summary>
    public static async Task WriteOutputAsync(
        CliConsole console, string? outPath, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (outPath is null)
        {
            using var buffer = new MemoryStream();
            await write(buffer, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteFileAsync(outPath, "--out", write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="path"/> atomically: <paramref name="write"/> fills a hidden temporary file beside it, which
    /// is renamed over it only once <paramref name="write"/> completes; on failure the temporary file is deleted and the
    /// destination is untouched.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="what">The option that names it, for the error message.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is left behind).</param>
    public static async Task WriteFileAsync(string path, string what, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var destination = Path.GetFullPath(path);
        var temporary = Path.Combine(
            Path.GetDirectoryName(destination)!,
            "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 65536, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CliException(ExitCodes.BadInput, $"{what}: {path} cannot be written ({(ex is UnauthorizedAccessException ? "permission denied" : "I/O error")}).");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file has a unique hidden name and holds nothing the user asked for.
        }
    }
}
