using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Privacy;

namespace Nonprofit.Cli.Pii;

/// <summary>
/// <c>nonprofit pii scan PATH... [--format text|json|sarif] [--fail-on-pii]</c>: reports where personal data
/// is in files and folders (file:line:column and type, never the value) and exits 1 with
/// <c>--fail-on-pii</c> when it finds any.
/// </summary>
/// <remarks>
/// Only regular, non-empty files are read: FIFOs, sockets and devices are skipped, and linked folders are not
/// followed. A file that cannot be read (a dangling link, no permission) is named on stderr as
/// <c>PATH: skipped (ExceptionType)</c> and the scan goes on; the exit code is then 2 unless <c>--fail-on-pii</c>
/// found personal data elsewhere (1). Files that start with a UTF-16 or UTF-32 byte order mark are read as text;
/// other files with a zero byte in their first 4 KB are skipped as binary.
/// </remarks>
internal static class PiiScanCommand
{
    /// <summary>Most lines sent to <see cref="PiiDetector.DetectMany(IReadOnlyList{string}, List{PiiMatch}, Span{int})"/> at once.</summary>
    private const int LinesPerBatch = 256;

    /// <summary>
    /// A batch also ends once its lines hold this many characters, so a file of long lines (data dumps, minified JSON) is
    /// not held 256 lines at a time: a batch holds at most this many characters plus its last line.
    /// </summary>
    private const int CharsPerBatch = 1 << 16;

    private static readonly HashSet<string> s_skippedFolders = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "node_modules", ".vs", "TestResults", "BenchmarkDotNet.Artifacts",
    };

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to scan.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format")
        {
            Description = "text (file:line:column: TYPE), json (JSON Lines, one finding each) or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var failOnPii = new Option<bool>("--fail-on-pii") { Description = "Exit with code 1 when any personal data is found." };
        var lang = PiiCommand.LanguageOption("files");

        var command = new Command("scan", "Scan files and folders (text, CSV, JSON, logs) for personal data; report locations and types, never values.")
        {
            paths,
            format,
            failOnPii,
            lang,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(paths)!,
            parseResult.GetValue(format)!,
            parseResult.GetValue(failOnPii),
            PiiCommand.CreateDetector(parseResult.GetValue(lang)),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        CliConsole console, string[] paths, string format, bool failOnPii, PiiDetector detector, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(EnumerateFiles(path));
            }
            else
            {
                throw new CliException(ExitCodes.BadInput, $"{path}: no such file or folder.");
            }
        }

        var findings = new List<Finding>();
        var matches = new List<PiiMatch>();
        var skipped = 0;

        // Lines go to the detector in batches (each recognizer runs over many lines before the next): the same matches.
        var lines = new List<string>(LinesPerBatch);
        var ends = new int[LinesPerBatch];
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await ScanFileAsync(file, detector, findings, matches, lines, ends, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // One unreadable entry (a dangling link, a file without read permission) must not lose the other
                // findings: it is named on stderr by its path and type of failure only, and the exit code says so.
                skipped++;
                await console.Error.WriteLineAsync($"{file}: skipped ({ex.GetType().Name})").ConfigureAwait(false);
            }
        }

        await WriteFindingsAsync(console, format, findings, files.Count, cancellationToken).ConfigureAwait(false);
        if (failOnPii && findings.Count > 0)
        {
            return ExitCodes.Findings;
        }

        return skipped > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    private static async Task ScanFileAsync(
        string file, PiiDetector detector, List<Finding> findings, List<PiiMatch> matches, List<string> lines, int[] ends,
        CancellationToken cancellationToken)
    {
        if (!IsRegularNonEmptyFile(file) || IsBinary(file))
        {
            return;
        }

        using var reader = new StreamReader(file);
        var lineNumber = 0;
        var more = true;
        while (more)
        {
            lines.Clear();
            var chars = 0;
            while (lines.Count < LinesPerBatch && chars < CharsPerBatch)
            {
                if (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } line)
                {
                    more = false;
                    break;
                }

                lines.Add(line);
                chars += line.Length;
            }

            cancellationToken.ThrowIfCancellationRequested();

            matches.Clear();
            detector.DetectMany(lines, matches, ends);
            var start = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                lineNumber++;
                for (var j = start; j < ends[i]; j++)
                {
                    var m = matches[j];
                    findings.Add(new Finding(file, lineNumber, m.Start + 1, m.Length, m.Type.Name, m.Score));
                }

                start = ends[i];
            }
        }
    }

    private static async Task WriteFindingsAsync(
        CliConsole console, string format, List<Finding> findings, int fileCount, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "json":
                foreach (var f in findings)
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        file = f.File,
                        line = f.Line,
                        column = f.Column,
                        length = f.Length,
                        type = f.Type,
                        score = Math.Round(f.Score, 2),
                    })).ConfigureAwait(false);
                }

                break;
            case "sarif":
                await console.Out.WriteLineAsync(Sarif.Write(findings)).ConfigureAwait(false);
                break;
            default:
                foreach (var f in findings)
                {
                    await console.Out.WriteLineAsync($"{f.File}:{f.Line}:{f.Column}: {f.Type}").ConfigureAwait(false);
                }

                await console.Error.WriteLineAsync($"{findings.Count} finding(s) in {fileCount} file(s).").ConfigureAwait(false);
                break;
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> EnumerateFiles(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current).Order(StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(current).Order(StringComparer.Ordinal).Reverse())
            {
                // A linked folder is not followed: a link to a parent would loop, and the target is scanned where it is.
                if (!s_skippedFolders.Contains(Path.GetFileName(sub)) && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
                {
                    pending.Push(sub);
                }
            }
        }
    }

    /// <summary>
    /// Returns whether <paramref name="file"/> is worth opening: a FIFO, socket or device reports a length of 0 (and
    /// opening a FIFO would wait for a writer), and an empty file holds no personal data.
    /// </summary>
    private static bool IsRegularNonEmptyFile(string file) => new FileInfo(file).Length > 0;

    /// <summary>Returns whether the first 4 KB hold a zero byte, unless they start with a UTF-16 or UTF-32 byte order mark.</summary>
    private static bool IsBinary(string file)
    {
        Span<byte> head = stackalloc byte[4096];
        using var stream = File.OpenRead(file);
        var read = stream.Read(head);
        var bytes = head[..read];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
            bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return false; // StreamReader detects these encodings from the mark (FF FE 00 00 is UTF-32 LE).
        }

        return bytes.Contains((byte)0);
    }

    internal sealed record Finding(string File, int Line, int Column, int Length, string Type, double Score);
}
